// The "Webhooks" section of Org Profile (admins). Filled in by its feature; renders nothing until then.
export function WebhooksSection(_props: { orgId: string; canManage: boolean }) {
  return null;
}
