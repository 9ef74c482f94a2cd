/**
 * The commitment form as plain values: read from a saved commitment or a submitted form, turned
 * into the GraphQL input, compared field by field (for a conflict) and merged.
 */
import type { DateParts } from '@lip/ui';
import type { ResultOf } from '../graphql.ts';
import type { COMMITMENT_FIELDS_FRAGMENT } from './commitment-page.server.ts';
import {
  DELIVERY_RATINGS,
  NEED_AREAS,
  PHASES,
  PROGRESS,
  SUPPORT_LAYERS,
  formatDate,
  textOf,
} from './labels.ts';

export interface CommitmentValues {
  title: string;
  description: string;
  ownerOrganisationId: string;
  ownerMemberId: string;
  needAreas: string[];
  phase: string;
  supportLayer: string;
  progress: string;
  rating: string;
  leadOfficer: string;
  startDate: DateParts;
  dueDate: DateParts;
  standardAreaIds: string[];
}

export type CommitmentField = keyof CommitmentValues;

export const COMMITMENT_FIELDS: ReadonlyArray<{
  name: CommitmentField;
  label: string;
  focusId: string;
}> = [
  { name: 'title', label: 'Title', focusId: 'title' },
  { name: 'description', label: 'Description', focusId: 'description' },
  { name: 'ownerOrganisationId', label: 'Owner organisation', focusId: 'ownerOrganisationId' },
  { name: 'ownerMemberId', label: 'Owner', focusId: 'ownerMemberId' },
  { name: 'leadOfficer', label: 'Lead officer', focusId: 'leadOfficer' },
  { name: 'needAreas', label: 'Need areas', focusId: 'needAreas' },
  { name: 'phase', label: 'Phase', focusId: 'phase' },
  { name: 'supportLayer', label: 'Support layer', focusId: 'supportLayer' },
  { name: 'progress', label: 'Progress', focusId: 'progress' },
  { name: 'rating', label: 'How it is going', focusId: 'rating' },
  { name: 'startDate', label: 'Start date', focusId: 'startDate-day' },
  { name: 'dueDate', label: 'Due date', focusId: 'dueDate-day' },
  { name: 'standardAreaIds', label: 'Standards', focusId: 'standardAreaIds' },
];

/** A commitment as the commitment pages read it (fragment CommitmentFields). */
export type CommitmentData = ResultOf<typeof COMMITMENT_FIELDS_FRAGMENT>;

const emptyDate: DateParts = { day: '', month: '', year: '' };

export function emptyCommitmentValues(): CommitmentValues {
  return {
    title: '',
    description: '',
    ownerOrganisationId: '',
    ownerMemberId: '',
    needAreas: [],
    phase: '',
    supportLayer: '',
    progress: 'NOT_STARTED',
    rating: '',
    leadOfficer: '',
    startDate: emptyDate,
    dueDate: emptyDate,
    standardAreaIds: [],
  };
}

/** "2027-01-31" → its parts, for a date input (empty parts for null). */
export function isoToParts(iso: string | null): DateParts {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return m
    ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1] ?? '' }
    : emptyDate;
}

export function valuesFromCommitment(c: CommitmentData): CommitmentValues {
  return {
    title: c.title,
    description: c.description,
    ownerOrganisationId: c.ownerOrganisation?.id ?? '',
    ownerMemberId: c.ownerMember?.id ?? '',
    needAreas: [...c.needAreas].sort(),
    phase: c.phase,
    supportLayer: c.supportLayer ?? '',
    progress: c.progress,
    rating: c.rating ?? '',
    leadOfficer: c.leadOfficer ?? '',
    startDate: isoToParts(c.startDate),
    dueDate: isoToParts(c.dueDate),
    standardAreaIds: c.standards.map((s) => s.id).sort(),
  };
}

function text(fd: FormData, name: string): string {
  const v = fd.get(name);
  return typeof v === 'string' ? v.trim() : '';
}

function list(fd: FormData, name: string): string[] {
  return fd
    .getAll(name)
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .sort();
}

export function valuesFromForm(fd: FormData): CommitmentValues {
  const date = (name: string): DateParts => ({
    day: text(fd, `${name}-day`),
    month: text(fd, `${name}-month`),
    year: text(fd, `${name}-year`),
  });
  return {
    title: text(fd, 'title'),
    description: text(fd, 'description'),
    ownerOrganisationId: text(fd, 'ownerOrganisationId'),
    ownerMemberId: text(fd, 'ownerMemberId'),
    needAreas: list(fd, 'needAreas'),
    phase: text(fd, 'phase'),
    supportLayer: text(fd, 'supportLayer'),
    progress: text(fd, 'progress'),
    rating: text(fd, 'rating'),
    leadOfficer: text(fd, 'leadOfficer'),
    startDate: date('startDate'),
    dueDate: date('dueDate'),
    standardAreaIds: list(fd, 'standardAreaIds'),
  };
}

/** Values carried in a hidden field (the version the person started from), validated loosely. */
export function parseBaseline(raw: FormDataEntryValue | null): CommitmentValues | null {
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const parsed = JSON.parse(raw) as Partial<CommitmentValues>;
    return { ...emptyCommitmentValues(), ...parsed };
  } catch {
    return null;
  }
}

export type DateResult = { ok: true; value: string | null } | { ok: false; message: string };

export function partsToIso(parts: DateParts, label: string): DateResult {
  const { day, month, year } = parts;
  if (day === '' && month === '' && year === '') return { ok: true, value: null };
  const missing = [day === '' && 'day', month === '' && 'month', year === '' && 'year'].filter(
    Boolean,
  );
  if (missing.length > 0)
    return { ok: false, message: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { ok: false, message: `${label} must be a real date` };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, message: `${label} must be a real date` };
  return { ok: true, value: `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** The fields both commitment mutations take (create adds planId and sectionKey; change adds id and version). */
export interface CommitmentInput {
  title: string;
  description: string;
  ownerOrganisationId: string | null;
  ownerMemberId: string | null;
  needAreas: Array<(typeof NEED_AREAS)[number]['value']>;
  phase?: (typeof PHASES)[number]['value'];
  supportLayer: (typeof SUPPORT_LAYERS)[number]['value'] | null;
  progress?: (typeof PROGRESS)[number]['value'];
  rating: Exclude<(typeof DELIVERY_RATINGS)[number]['value'], ''> | null;
  leadOfficer: string | null;
  startDate: string | null;
  dueDate: string | null;
  standardAreaIds: string[];
}

/** The option whose value was posted, typed as the API's enum (undefined for anything else). */
function optionValue<T extends string>(
  options: ReadonlyArray<{ value: T }>,
  posted: string,
): T | undefined {
  return options.find((o) => o.value === posted)?.value;
}

/**
 * What a date the person typed that is not a date is sent as: the core refuses it beside its field
 * ("must be a real date"), so nothing is saved and the core's other errors come back with it.
 */
const NOT_A_DATE = 'not-a-date';

/**
 * The GraphQL input for the values. Only the date format is checked here, to say which part is
 * missing ("Due date must include a month"); such a date is still sent (as one the core refuses),
 * so the core reports every other problem at once. Every rule about what is allowed is the core's:
 * merge `errors` over the core's field errors.
 */
export function toCommitmentInput(values: CommitmentValues): {
  input: CommitmentInput;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const start = partsToIso(values.startDate, 'Start date');
  const due = partsToIso(values.dueDate, 'Due date');
  if (!start.ok) errors.startDate = start.message;
  if (!due.ok) errors.dueDate = due.message;
  const orNull = (v: string) => (v === '' ? null : v);
  const input: CommitmentInput = {
    title: values.title,
    description: values.description,
    ownerOrganisationId: orNull(values.ownerOrganisationId),
    ownerMemberId: orNull(values.ownerMemberId),
    needAreas: values.needAreas.flatMap((v) => optionValue(NEED_AREAS, v) ?? []),
    supportLayer: optionValue(SUPPORT_LAYERS, values.supportLayer) ?? null,
    startDate: start.ok ? start.value : NOT_A_DATE,
    dueDate: due.ok ? due.value : NOT_A_DATE,
    rating:
      optionValue(
        DELIVERY_RATINGS.filter((r) => r.value !== ''),
        values.rating,
      ) ?? null,
    leadOfficer: orNull(values.leadOfficer),
    standardAreaIds: values.standardAreaIds,
  };
  const phase = optionValue(PHASES, values.phase);
  if (phase) input.phase = phase;
  const progress = optionValue(PROGRESS, values.progress);
  if (progress) input.progress = progress;
  return { input, errors };
}

function same(a: CommitmentValues[CommitmentField], b: CommitmentValues[CommitmentField]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The input for a change: only the fields the person changed (compared with the values the form
 * was rendered with), and those fields' values before as `base`, so a save from a stale page still
 * succeeds when nobody else changed the same fields (decision 020). Without a baseline, every field.
 */
export function changedCommitmentInput(
  values: CommitmentValues,
  baseline: CommitmentValues | null,
): {
  input: Partial<CommitmentInput>;
  base?: Partial<CommitmentInput>;
  errors: Record<string, string>;
} {
  const { input, errors } = toCommitmentInput(values);
  if (!baseline) return { input, errors };
  const before = toCommitmentInput(baseline).input;
  const changed: Partial<CommitmentInput> = {};
  const base: Partial<CommitmentInput> = {};
  for (const name of differingFields(values, baseline)) {
    Object.assign(changed, { [name]: input[name] ?? null });
    Object.assign(base, { [name]: before[name] ?? null });
  }
  // A date the person did not change is not sent, so its format error is not theirs to fix.
  for (const name of Object.keys(errors)) if (!(name in changed)) delete errors[name];
  return { input: changed, base, errors };
}

/** The fields where two versions differ. */
export function differingFields(a: CommitmentValues, b: CommitmentValues): CommitmentField[] {
  return COMMITMENT_FIELDS.map((f) => f.name).filter((name) => !same(a[name], b[name]));
}

/**
 * Re-applies the person's edits onto the current saved version: every field they changed (compared
 * with the version they started from) takes their value; every other field keeps the saved value.
 * Without a baseline, all of their values win.
 */
export function mergeOnto(
  current: CommitmentValues,
  yours: CommitmentValues,
  baseline: CommitmentValues | null,
): CommitmentValues {
  if (!baseline) return yours;
  const merged = { ...current };
  for (const f of COMMITMENT_FIELDS) {
    if (!same(yours[f.name], baseline[f.name])) Object.assign(merged, { [f.name]: yours[f.name] });
  }
  return merged;
}

/** A member of the partnership who may own a commitment (Partnership.members). */
export interface OwnerMemberOption {
  id: string;
  user: { name: string };
  organisation: { id: string; name: string };
}

export interface DisplayOptions {
  organisations: ReadonlyArray<{ id: string; name: string }>;
  members: ReadonlyArray<OwnerMemberOption>;
  areas: ReadonlyArray<{ id: string; code: string; title: string }>;
}

function dateText(parts: DateParts): string {
  const iso = partsToIso(parts, '');
  if (iso.ok) return iso.value ? formatDate(iso.value) : '';
  return [parts.day, parts.month, parts.year].join(' ');
}

/** A field's value as a person reads it. */
export function displayValue(
  values: CommitmentValues,
  field: CommitmentField,
  opts: DisplayOptions,
): string {
  switch (field) {
    case 'ownerOrganisationId':
      return opts.organisations.find((o) => o.id === values.ownerOrganisationId)?.name ?? '';
    case 'ownerMemberId': {
      const member = opts.members.find((m) => m.id === values.ownerMemberId);
      return member ? `${member.user.name} (${member.organisation.name})` : '';
    }
    case 'needAreas':
      return values.needAreas.map((v) => textOf(NEED_AREAS, v)).join(', ');
    case 'phase':
      return textOf(PHASES, values.phase);
    case 'supportLayer':
      return textOf(SUPPORT_LAYERS, values.supportLayer);
    case 'progress':
      return textOf(PROGRESS, values.progress);
    case 'rating':
      return textOf(DELIVERY_RATINGS, values.rating);
    case 'startDate':
    case 'dueDate':
      return dateText(values[field]);
    case 'standardAreaIds':
      return values.standardAreaIds
        .map((id) => opts.areas.find((a) => a.id === id))
        .map((a) => (a ? `${a.code} ${a.title}` : ''))
        .join('; ');
    default:
      return values[field];
  }
}

/** Error summary items in the order of the form. */
export function summaryOf(
  errors: Readonly<Record<string, string>>,
): Array<{ href: string; text: string }> {
  const items = COMMITMENT_FIELDS.flatMap((f) =>
    errors[f.name] ? [{ href: f.focusId, text: errors[f.name] ?? '' }] : [],
  );
  const known = new Set<string>(COMMITMENT_FIELDS.map((f) => f.name));
  for (const [name, text] of Object.entries(errors)) {
    if (!known.has(name)) items.push({ href: 'commitment-form', text });
  }
  return items;
}
