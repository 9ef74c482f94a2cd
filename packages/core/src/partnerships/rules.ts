// Rules about who a partnership may hold, shared by organisations, invitations and members, so a
// role refused when inviting is refused the same way when a lead changes roles later.
import type { MemberRole } from '@lip/db';
import { ValidationError } from '../errors.ts';

export const MEMBER_ROLES: readonly MemberRole[] = [
  'PARTNERSHIP_LEAD',
  'SECTION_EDITOR',
  'CONTRIBUTOR',
  'SIGNATORY',
  'VIEWER',
];

export const ROLE_LABELS: Record<MemberRole, string> = {
  PARTNERSHIP_LEAD: 'Partnership lead',
  SECTION_EDITOR: 'Section editor',
  CONTRIBUTOR: 'Contributor',
  SIGNATORY: 'Signatory',
  VIEWER: 'Viewer',
};

/**
 * Organisation types that speak for families and young people: they review, contribute and
 * acknowledge the plan, but never write a statutory partner's section or lead the partnership.
 */
const INDEPENDENT_VOICES = new Set(['parent-carer-forum', 'young-people-forum', 'sendiass']);
/** Observers from outside the partnership (DfE): they may only view. */
const OBSERVERS = new Set(['dfe-regions-group']);

/** Why an organisation of this type cannot hold these roles, or null when it can. */
export function roleRefusal(
  organisationTypeCode: string,
  roles: readonly MemberRole[],
): string | null {
  if (OBSERVERS.has(organisationTypeCode)) {
    const other = roles.find((r) => r !== 'VIEWER');
    return other ? `A member from this organisation can only be a viewer` : null;
  }
  if (INDEPENDENT_VOICES.has(organisationTypeCode)) {
    if (roles.includes('SECTION_EDITOR'))
      return 'A member from a parent carer forum, young people’s forum or SENDIASS cannot be a section editor';
    if (roles.includes('PARTNERSHIP_LEAD'))
      return 'A member from a parent carer forum, young people’s forum or SENDIASS cannot be the partnership lead';
  }
  return null;
}

/** Checks a role list from input: at least one, known, no repeats, and allowed for the type. */
export function validateRoles(
  field: string,
  organisationTypeCode: string,
  roles: readonly string[],
): MemberRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw ValidationError.field(field, 'Select at least one role');
  const unknown = unique.find((r) => !(MEMBER_ROLES as readonly string[]).includes(r));
  if (unknown) throw ValidationError.field(field, `“${unknown}” is not a role`);
  const valid = unique as MemberRole[];
  const refusal = roleRefusal(organisationTypeCode, valid);
  if (refusal) throw ValidationError.field(field, refusal);
  // Stored in a stable order so equal role sets compare equal.
  return MEMBER_ROLES.filter((r) => valid.includes(r));
}

/** ODS codes are 3 to 10 letters and digits (e.g. QKS for an ICB, RXX for a trust, 886 for a council). */
const ODS_CODE = /^[A-Z0-9]{3,10}$/;

/** Upper-cased and trimmed ODS code, null when blank; throws when malformed. */
export function normaliseOdsCode(field: string, value: string | null | undefined): string | null {
  const code = (value ?? '').trim().toUpperCase();
  if (code === '') return null;
  if (!ODS_CODE.test(code))
    throw ValidationError.field(
      field,
      'Enter an ODS code of 3 to 10 letters and numbers, like QKS',
    );
  return code;
}

/** Email addresses are compared lower-cased and trimmed. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

// A pragmatic check (one @, a dot in the domain, no spaces): the link in the email is the real test.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** Partnership slugs: lower-case words joined by hyphens, used in URLs. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
