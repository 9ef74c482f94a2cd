// What changed between two versions (or a version and the current draft): section fields,
// summaries and Easy Read; commitments added, removed or changed, field by field, with who changed
// them according to the audit log.
import type { Prisma } from '@lip/db';
import { govukDate } from '../dates.ts';
import {
  financialYearLabel,
  formatPounds,
  FUNDING_BLOCK_LABELS,
  PROVISION_TYPE_LABELS,
  type FundingBlockCode,
  type ProvisionTypeCode,
} from '../funding/totals.ts';
import type {
  PlanSnapshot,
  SnapshotCommitment,
  SnapshotField,
  SnapshotSection,
} from '../snapshot.ts';

export type ChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface ChangeAuthor {
  name: string;
  organisationName: string | null;
  at: Date;
}

export interface CommitmentDiff {
  commitmentId: string;
  reference: string;
  title: string;
  change: ChangeKind;
  fields: FieldChange[];
  changedBy: ChangeAuthor[];
}

export interface SectionDiff {
  key: string;
  title: string;
  fields: FieldChange[];
  commitments: CommitmentDiff[];
}

export interface PlanDiff {
  from: number;
  /** null: the current draft. */
  to: number | null;
  sections: SectionDiff[];
  /**
   * Tariffs in force that changed, one per band and provision type (issue 16); empty when either
   * side predates frozen tariffs.
   */
  tariffs: FieldChange[];
  changedCount: number;
}

const PHASES: Record<string, string> = {
  EARLY_YEARS: 'Early years',
  PRIMARY: 'Primary',
  SECONDARY: 'Secondary',
  POST_16: 'Post-16',
  POST_19: 'Post-19',
  ALL_AGES: 'All ages',
};
const humanise = (code: string) =>
  code.charAt(0) + code.slice(1).toLowerCase().replaceAll('_', ' ');

/** A commitment as labelled text, in the order the commitment form shows it. */
/** Progress, read from older snapshots' one-word status when they predate it. */
function progressOf(c: SnapshotCommitment): string {
  if (c.progress) return c.progress;
  if (c.ragStatus === 'COMPLETE' || c.ragStatus === 'NOT_STARTED') return c.ragStatus;
  return 'IN_PROGRESS';
}

/** The rating (null when not rated), read from older snapshots' one-word status. */
function ratingOf(c: SnapshotCommitment): string | null {
  if (c.rating !== undefined) return c.rating;
  return ['RED', 'AMBER', 'GREEN'].includes(c.ragStatus) ? c.ragStatus : null;
}

function commitmentFields(
  c: SnapshotCommitment,
  organisationName: (id: string | null) => string,
): SnapshotField[] {
  const fields: SnapshotField[] = [
    { key: 'title', label: 'Title', value: c.title },
    { key: 'description', label: 'Description', value: c.description },
    {
      key: 'ownerOrganisation',
      label: 'Owning organisation',
      value: organisationName(c.ownerOrganisationId),
    },
    { key: 'ownerName', label: 'Owner', value: c.ownerName ?? '' },
    { key: 'needAreas', label: 'Areas of need', value: c.needAreas.join(', ') },
    { key: 'phase', label: 'Phase', value: PHASES[c.phase] ?? c.phase },
    {
      key: 'supportLayer',
      label: 'Layer of support',
      value: c.supportLayer ? humanise(c.supportLayer) : '',
    },
    { key: 'progress', label: 'Progress', value: humanise(progressOf(c)) },
    {
      key: 'rating',
      label: 'How it is going',
      value: ratingOf(c) ? humanise(ratingOf(c) ?? '') : 'Not rated',
    },
    { key: 'leadOfficer', label: 'Lead officer', value: c.leadOfficer ?? '' },
    { key: 'startDate', label: 'Start date', value: c.startDate ?? '' },
    { key: 'dueDate', label: 'Due date', value: c.dueDate ?? '' },
    { key: 'budgetLine', label: 'Budget line', value: c.budgetLine ?? '' },
    { key: 'budgetAmount', label: 'Budget', value: c.budgetAmount ? `£${c.budgetAmount}` : '' },
    {
      key: 'budgetLines',
      label: 'Budget lines',
      value: (c.budgetLines ?? [])
        .map(
          (l) =>
            `${l.name}: ${formatPounds(l.amount)}, ${FUNDING_BLOCK_LABELS[l.block as FundingBlockCode] ?? l.block}, ${financialYearLabel(l.financialYear)}`,
        )
        .join('\n'),
    },
    {
      key: 'standardAreaCodes',
      label: 'National standards',
      value: c.standardAreaCodes.join(', '),
    },
    {
      key: 'milestones',
      label: 'Milestones',
      value: c.milestones
        .map(
          (m) => `${m.title} (due ${m.dueDate}${m.completedOn ? `, done ${m.completedOn}` : ''})`,
        )
        .join('\n'),
    },
    {
      key: 'evidence',
      label: 'Evidence',
      value: c.evidence
        .map((e) => `${e.title}${e.url ? ` (${e.url})` : ''}${e.note ? `: ${e.note}` : ''}`)
        .join('\n'),
    },
  ];
  return [...fields, ...c.fields.map((f) => ({ ...f, key: `fields.${f.key}` }))];
}

function sectionFields(s: SnapshotSection | undefined): SnapshotField[] {
  if (!s) return [];
  return [
    { key: 'summary', label: 'Summary', value: s.summary ?? '' },
    { key: 'easyReadSummary', label: 'Easy Read summary', value: s.easyReadSummary ?? '' },
    ...s.fields.map((f) => ({ ...f, key: `fields.${f.key}` })),
  ];
}

/** Field-level changes; a field only on one side counts as "" on the other. */
function compareFields(before: SnapshotField[], after: SnapshotField[]): FieldChange[] {
  const beforeByKey = new Map(before.map((f) => [f.key, f]));
  const afterByKey = new Map(after.map((f) => [f.key, f]));
  const keys = [...new Set([...after.map((f) => f.key), ...before.map((f) => f.key)])];
  return keys.flatMap((key) => {
    const b = beforeByKey.get(key);
    const a = afterByKey.get(key);
    const beforeValue = b?.value ?? '';
    const afterValue = a?.value ?? '';
    if (beforeValue === afterValue) return [];
    return [
      {
        field: key,
        label: (a ?? b)!.label,
        before: beforeValue || null,
        after: afterValue || null,
      },
    ];
  });
}

/** Who touched each commitment (by id) between two instants, latest change per person. */
export type AuthorLookup = (commitmentId: string) => ChangeAuthor[];

export function diffSnapshots(
  from: PlanSnapshot,
  to: PlanSnapshot,
  toNumber: number | null,
  authors: AuthorLookup,
): PlanDiff {
  const organisations = new Map(
    [...from.organisations, ...to.organisations].map((o) => [o.id, o.name]),
  );
  const organisationName = (id: string | null) => (id ? (organisations.get(id) ?? '') : '');
  const sectionKeys = [
    ...new Set([...to.sections.map((s) => s.key), ...from.sections.map((s) => s.key)]),
  ];
  const sections: SectionDiff[] = [];
  let changedCount = 0;

  for (const key of sectionKeys) {
    const before = from.sections.find((s) => s.key === key);
    const after = to.sections.find((s) => s.key === key);
    const fields = compareFields(sectionFields(before), sectionFields(after));
    const oldCommitments = from.commitments.filter((c) => c.sectionKey === key);
    const newCommitments = to.commitments.filter((c) => c.sectionKey === key);
    const commitments: CommitmentDiff[] = [];
    for (const now of newCommitments) {
      const was = oldCommitments.find((c) => c.id === now.id);
      const changes = compareFields(
        was ? commitmentFields(was, organisationName) : [],
        commitmentFields(now, organisationName),
      );
      if (was && changes.length === 0) continue;
      commitments.push({
        commitmentId: now.id,
        reference: now.reference,
        title: now.title,
        change: was ? 'CHANGED' : 'ADDED',
        fields: changes,
        changedBy: authors(now.id),
      });
    }
    for (const was of oldCommitments) {
      if (newCommitments.some((c) => c.id === was.id)) continue;
      commitments.push({
        commitmentId: was.id,
        reference: was.reference,
        title: was.title,
        change: 'REMOVED',
        fields: compareFields(commitmentFields(was, organisationName), []),
        changedBy: authors(was.id),
      });
    }
    commitments.sort((a, b) => a.reference.localeCompare(b.reference));
    if (fields.length === 0 && commitments.length === 0) continue;
    changedCount += fields.length + commitments.length;
    sections.push({ key, title: after?.title ?? before?.title ?? key, fields, commitments });
  }
  const tariffs = compareTariffs(from, to);
  changedCount += tariffs.length;
  return { from: from.plan.versionNumber, to: toNumber, sections, tariffs, changedCount };
}

/** The tariffs in force on each side as fields keyed by band and provision type. */
function tariffFields(snapshot: PlanSnapshot): SnapshotField[] {
  return (snapshot.tariffs?.prices ?? []).map((p) => ({
    key: `${p.band}|${p.provisionType}`,
    label: `${p.band}: ${PROVISION_TYPE_LABELS[p.provisionType as ProvisionTypeCode] ?? p.provisionType}`,
    value: `${formatPounds(p.annualPrice)} a year per place from ${govukDate(p.effectiveFrom)}${p.effectiveTo ? ` to ${govukDate(p.effectiveTo)}` : ''}`,
  }));
}

function compareTariffs(from: PlanSnapshot, to: PlanSnapshot): FieldChange[] {
  if (!from.tariffs || !to.tariffs) return [];
  return compareFields(tariffFields(from), tariffFields(to));
}

/** Reads the audit log of a plan's commitments between two instants into an AuthorLookup. */
export async function commitmentAuthors(
  db: Prisma.TransactionClient,
  planId: string,
  since: Date,
  until: Date,
): Promise<AuthorLookup> {
  const events = await db.auditEvent.findMany({
    where: { planId, entityType: 'Commitment', occurredAt: { gt: since, lte: until } },
    orderBy: { occurredAt: 'asc' },
    select: { entityId: true, actorUserId: true, actorOrganisationId: true, occurredAt: true },
  });
  const userIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const organisationIds = [
    ...new Set(events.flatMap((e) => (e.actorOrganisationId ? [e.actorOrganisationId] : []))),
  ];
  const [users, organisations] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.organisation.findMany({
      where: { id: { in: organisationIds } },
      select: { id: true, name: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const organisationName = new Map(organisations.map((o) => [o.id, o.name]));
  const byCommitment = new Map<string, Map<string, ChangeAuthor>>();
  for (const event of events) {
    const name = event.actorUserId
      ? (userName.get(event.actorUserId) ?? 'A former user')
      : 'The system';
    const organisation = event.actorOrganisationId
      ? (organisationName.get(event.actorOrganisationId) ?? null)
      : null;
    const authors = byCommitment.get(event.entityId) ?? new Map<string, ChangeAuthor>();
    // Events are oldest first, so each person ends with their latest change.
    authors.set(`${event.actorUserId ?? ''}|${event.actorOrganisationId ?? ''}`, {
      name,
      organisationName: organisation,
      at: event.occurredAt,
    });
    byCommitment.set(event.entityId, authors);
  }
  return (commitmentId) =>
    [...(byCommitment.get(commitmentId)?.values() ?? [])].sort(
      (a, b) => b.at.getTime() - a.at.getTime(),
    );
}
