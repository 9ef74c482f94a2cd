/**
 * The naming rules the plugin host applies, checked up front so the generator never writes a
 * plugin the host would refuse: kebab-case ids and a PascalCase type prefix derived from the id.
 */
import { pascalCase, sectionNames } from '@lip/plugin-sdk/naming';

/** The organisation types of the catalogue (`packages/db/src/seed/catalogue.ts`). */
export const ORGANISATION_TYPES = [
  { id: 'local-authority-education', label: 'Council education services' },
  { id: 'local-authority-social-care', label: 'Council social care services' },
  { id: 'integrated-care-board', label: 'Integrated care board (ICB)' },
  { id: 'nhs-provider', label: 'NHS provider trust' },
  { id: 'public-health', label: 'Public health' },
  { id: 'early-years', label: 'Early years provider' },
  { id: 'school-or-trust', label: 'School or academy trust' },
  { id: 'special-school', label: 'Special school' },
  { id: 'alternative-provision', label: 'Alternative provision' },
  { id: 'further-education', label: 'Further education college' },
  { id: 'parent-carer-forum', label: 'Parent carer forum' },
  { id: 'young-people-forum', label: 'Young people’s forum' },
  { id: 'sendiass', label: 'SENDIASS' },
  { id: 'voluntary-sector', label: 'Voluntary and community sector' },
  { id: 'dfe-regions-group', label: 'DfE regions group' },
] as const;

export type OrganisationTypeId = (typeof ORGANISATION_TYPES)[number]['id'];

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Ids the app or the SDK already use for something else. */
const RESERVED_IDS = new Set([
  'core',
  'sdk',
  'plugin',
  'plugins',
  'ui',
  'web',
  'db',
  'section',
  'sections',
  'plan',
]);

/** true, or a message saying what to change (inquirer's validate contract). */
export function validatePluginId(
  input: string,
  exists: (id: string) => boolean = () => false,
): true | string {
  const id = input.trim();
  if (id === '') return 'Enter a plugin id, like "early-years"';
  if (!PLUGIN_ID_PATTERN.test(id)) {
    return `"${id}" is not kebab-case: use lower-case letters and digits separated by single hyphens, starting with a letter, like "early-years"`;
  }
  if (id.length > 40) return 'A plugin id must be 40 characters or fewer';
  if (RESERVED_IDS.has(id)) return `"${id}" is reserved; choose another id`;
  if (exists(id)) return `plugins/${id} already exists; choose another id`;
  return true;
}

export function validatePluginName(input: string): true | string {
  const name = input.trim();
  if (name === '') return 'Enter a name, like "Early years"';
  if (name.length > 80) return 'A name must be 80 characters or fewer';
  if (/["'`\\{}<>]/.test(name))
    return 'A name cannot contain quotes, backslashes, braces or angle brackets';
  return true;
}

/** "early-years" → "EarlyYears": the prefix of every GraphQL type the plugin adds (the host's rule). */
export { pascalCase };

/** "early-years" → "earlyYears": the section's field on `Section`. */
export function camelCase(id: string): string {
  return sectionNames(id).field;
}

/**
 * The Northshire demo account that edits a section owned by this organisation type: the member of
 * that organisation when the demo has one, else the partnership lead (who edits every section).
 */
export function demoEditorFor(type: string): string {
  const members: Record<string, string> = {
    'integrated-care-board': 'icb@northshire.example',
    'local-authority-education': 'education@northshire.example',
    'local-authority-social-care': 'care@northshire.example',
    'alternative-provision': 'ap@northshire.example',
  };
  return members[type] ?? 'lead@northshire.example';
}
