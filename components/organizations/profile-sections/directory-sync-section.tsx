// The "Directory Sync" section of Org Profile (admins). Filled in by its feature; renders nothing until then.
export function DirectorySyncSection(_props: { orgId: string; canManage: boolean }) {
  return null;
}
