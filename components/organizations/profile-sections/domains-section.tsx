// The "Domains" section of Org Profile (admins). Filled in by its feature; renders nothing until then.
export function DomainsSection(_props: { orgId: string; canManage: boolean }) {
  return null;
}
