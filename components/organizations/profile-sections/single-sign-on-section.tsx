// The "Single Sign-On" section of Org Profile (admins). Filled in by its feature; renders nothing until then.
export function SingleSignOnSection(_props: { orgId: string; canManage: boolean }) {
  return null;
}
