const ROLE_NAMES: Record<string, string> = {
  PARTNERSHIP_LEAD: 'Partnership lead',
  SECTION_EDITOR: 'Section editor',
  CONTRIBUTOR: 'Contributor',
  SIGNATORY: 'Signatory',
  VIEWER: 'Viewer',
};

export function roleNames(roles: readonly string[]): string {
  return roles.map((r) => ROLE_NAMES[r] ?? r).join(', ');
}
