// GraphQL for coverage, submission blockers, what the viewer can do with a plan, not-applicable
// standard areas, Easy Read summaries and re-mapping to another framework. See docs/api-workflow.md.
import { z } from 'zod';
import type { PlanState, StandardArea } from '@lip/db';
import type { LipBuilder } from '../../builder.ts';
import { can, planFacts } from '../../auth/permissions.ts';
import type { RequestContext } from '../../context.ts';
import {
  type CommitmentRecord,
  ForbiddenError,
  NotFoundError,
  SectionConflictError,
  ValidationError,
} from '../../errors.ts';
import type { CoreHost } from '../../host.ts';
import { encodeGlobalId } from '../../ids.ts';
import type { CoreTypeRefs } from '../../schema/type-refs.ts';
import { commitmentInclude } from '../../services/commitments.ts';
import { submissionBlockersOf, type SubmissionBlocker } from '../blockers.ts';
import {
  clearStandardAreaNotApplicable,
  coverageOf,
  markStandardAreaNotApplicable,
} from '../coverage.ts';
import { MAX_EASY_READ_LENGTH, updateSectionEasyRead } from '../easy-read.ts';
import { remapPlan, remapProposalOf, type RemapItem, type RemapProposal } from '../remap.ts';

/** Coverage as the API shows it: each cell names its commitments, loaded only as far as asked. */
interface CoverageView {
  sections: Array<{ key: string; title: string }>;
  rows: Array<{
    area: StandardArea;
    cells: CellView[];
    covered: boolean;
    notApplicableReason: string | null;
  }>;
  uncoveredCount: number;
}
interface CellView {
  sectionKey: string;
  /** The cell's commitments by reference. */
  ids: string[];
  /** Loads commitment records; every cell of one coverage shares it (one statement in all). */
  load: (ids: readonly string[]) => Promise<CommitmentRecord[]>;
}

/**
 * Loads the commitments every cell asks for in one statement: GraphQL resolves the cells' fields
 * in one pass, so the ids are gathered until the next turn of the event loop, then read together.
 */
function batchedCommitmentLoader(host: CoreHost): CellView['load'] {
  let pending: { ids: Set<string>; result: Promise<Map<string, CommitmentRecord>> } | null = null;
  return async (ids) => {
    if (ids.length === 0) return [];
    if (!pending) {
      const batch = new Set<string>();
      pending = {
        ids: batch,
        result: new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
          pending = null;
          const records = await host.prisma.commitment.findMany({
            where: { id: { in: [...batch] } },
            include: commitmentInclude,
          });
          return new Map(records.map((r) => [r.id, r]));
        }),
      };
    }
    for (const id of ids) pending.ids.add(id);
    const byId = await pending.result;
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
}

async function coverageView(
  host: CoreHost,
  plan: { id: string; frameworkId: string },
): Promise<CoverageView> {
  const coverage = await coverageOf(host, plan);
  const load = batchedCommitmentLoader(host);
  return {
    ...coverage,
    rows: coverage.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({
        sectionKey: cell.sectionKey,
        ids: cell.commitments.map((c) => c.id),
        load,
      })),
    })),
  };
}

interface PlanActions {
  submit: boolean;
  withdraw: boolean;
  publish: boolean;
  revise: boolean;
  edit: boolean;
  comment: boolean;
  editCoproduction: boolean;
}

const blockerRefs = new WeakMap<LipBuilder, ReturnType<typeof defineSubmissionBlocker>>();

function defineSubmissionBlocker(builder: LipBuilder) {
  const SubmissionBlockerKindEnum = builder.enumType('SubmissionBlockerKind', {
    values: [
      'DISCLOSURE_RULE_NOT_SET',
      'SECTION_NOT_READY',
      'STANDARD_AREA_UNCOVERED',
      'METRIC_NEEDS_COMMENTARY',
      'PERSONAL_DATA_SUSPECTED',
    ] as const,
  });
  const SubmissionBlockerRef = builder.objectRef<SubmissionBlocker>('SubmissionBlocker').implement({
    description: 'One thing that stops the plan being submitted, and what to do about it.',
    fields: (t) => ({
      kind: t.field({ type: SubmissionBlockerKindEnum, resolve: (b) => b.kind }),
      message: t.exposeString('message'),
      sectionKey: t.exposeString('sectionKey', { nullable: true }),
      standardAreaCode: t.exposeString('standardAreaCode', { nullable: true }),
      partnershipSlug: t.exposeString('partnershipSlug', {
        nullable: true,
        description:
          'For DISCLOSURE_RULE_NOT_SET: the partnership whose disclosure settings fix it.',
      }),
      commitmentId: t.id({
        nullable: true,
        description: 'For PERSONAL_DATA_SUSPECTED: the commitment where it was found.',
        resolve: (b) =>
          b.commitmentId === null ? null : encodeGlobalId('Commitment', b.commitmentId),
      }),
      coproductionActivityId: t.id({
        nullable: true,
        description: 'For PERSONAL_DATA_SUSPECTED: the co-production activity where it was found.',
        resolve: (b) =>
          b.coproductionActivityId === null
            ? null
            : encodeGlobalId('CoproductionActivity', b.coproductionActivityId),
      }),
      needsConfirmation: t.boolean({
        description:
          'A warning (text that looks like personal data): submitPlan with confirmPersonalDataChecked: true passes it; otherwise it must be fixed.',
        resolve: (b) => b.needsConfirmation,
      }),
      metricTargetId: t.id({
        nullable: true,
        resolve: (b) =>
          b.metricTargetId === null ? null : encodeGlobalId('MetricTarget', b.metricTargetId),
      }),
    }),
  });
  return { SubmissionBlockerRef, SubmissionBlockerKindEnum };
}

/** The SubmissionBlocker type, defined once per builder (submitPlan's error type lists blockers too). */
export function submissionBlockerTypes(builder: LipBuilder) {
  let refs = blockerRefs.get(builder);
  if (!refs) {
    refs = defineSubmissionBlocker(builder);
    blockerRefs.set(builder, refs);
  }
  return refs;
}

function viewerCan(
  ctx: RequestContext,
  plan: { partnershipId: string; state: PlanState; archivedAt: Date | null },
): PlanActions {
  const subject = planFacts(plan);
  return {
    submit: can(ctx, 'plan:submit', subject),
    withdraw: can(ctx, 'plan:withdraw', subject),
    publish: can(ctx, 'plan:publish', subject),
    revise: can(ctx, 'plan:revise', subject),
    edit: can(ctx, 'plan:edit', subject),
    comment: can(ctx, 'comment:create', subject),
    editCoproduction: can(ctx, 'coproduction:edit', subject),
  };
}

export function addCoverageTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const { PlanRef, SectionRef, CommitmentRef, StandardAreaRef, StandardsFrameworkRef } = types;
  const { SubmissionBlockerRef } = submissionBlockerTypes(builder);

  const CoverageSectionRef = builder
    .objectRef<CoverageView['sections'][number]>('CoverageSection')
    .implement({
      fields: (t) => ({ key: t.exposeString('key'), title: t.exposeString('title') }),
    });
  const CoverageCellRef = builder.objectRef<CellView>('CoverageCell').implement({
    description: 'The commitments of one section mapped to one standard area.',
    fields: (t) => ({
      sectionKey: t.exposeString('sectionKey'),
      count: t.int({
        description: 'How many commitments of the section map to the area.',
        resolve: (c) => c.ids.length,
      }),
      commitments: t.field({
        type: [CommitmentRef],
        description:
          'By reference; with `first`, only the first ones (a large plan: show a few and link to the rest).',
        args: { first: t.arg.int({ required: false }) },
        resolve: (c, { first }) =>
          c.load(typeof first === 'number' ? c.ids.slice(0, Math.max(0, first)) : c.ids),
      }),
    }),
  });
  const CoverageRowRef = builder.objectRef<CoverageView['rows'][number]>('CoverageRow').implement({
    fields: (t) => ({
      area: t.field({ type: StandardAreaRef, resolve: (r) => r.area }),
      cells: t.field({
        type: [CoverageCellRef],
        description: 'One per section, in the order of Coverage.sections.',
        resolve: (r) => r.cells,
      }),
      covered: t.exposeBoolean('covered', {
        description: 'A commitment maps to it, or it is marked not applicable.',
      }),
      notApplicableReason: t.exposeString('notApplicableReason', {
        nullable: true,
        description:
          'Why the partnership judges it does not apply; null unless marked not applicable.',
      }),
    }),
  });
  const CoverageRef = builder.objectRef<CoverageView>('Coverage').implement({
    description:
      "Which commitments meet which standard area of the plan's framework, section by section.",
    fields: (t) => ({
      sections: t.field({
        type: [CoverageSectionRef],
        description: 'Installed sections, by position: the columns.',
        resolve: (c) => c.sections,
      }),
      rows: t.field({
        type: [CoverageRowRef],
        description: "The plan framework's standard areas, by position: the rows.",
        resolve: (c) => c.rows,
      }),
      uncoveredCount: t.exposeInt('uncoveredCount'),
    }),
  });
  const PlanActionsRef = builder.objectRef<PlanActions>('PlanActions').implement({
    description: 'What the viewer may do with the plan now (its state and their roles).',
    fields: (t) => ({
      submit: t.exposeBoolean('submit'),
      withdraw: t.exposeBoolean('withdraw'),
      publish: t.exposeBoolean('publish'),
      revise: t.exposeBoolean('revise'),
      edit: t.exposeBoolean('edit'),
      comment: t.exposeBoolean('comment'),
      editCoproduction: t.exposeBoolean('editCoproduction', {
        description: 'Record engagement activities and their "you said, we did" responses.',
      }),
    }),
  });
  const RemapItemRef = builder.objectRef<RemapItem>('RemapItem').implement({
    fields: (t) => ({
      commitment: t.field({ type: CommitmentRef, resolve: (i) => i.commitment }),
      from: t.field({
        type: [StandardAreaRef],
        description: 'Its areas in the current framework.',
        resolve: (i) => i.from,
      }),
      suggested: t.field({
        type: [StandardAreaRef],
        description:
          'Areas of the target framework that continue one of `from` (StandardArea.correspondsTo, either way).',
        resolve: (i) => i.suggested,
      }),
      resolved: t.exposeBoolean('resolved', {
        description: 'False when nothing corresponds: the lead must choose.',
      }),
    }),
  });
  const RemapProposalRef = builder.objectRef<RemapProposal>('RemapProposal').implement({
    description:
      'Proposal for moving the plan to another framework version: nothing changes until remapPlan.',
    fields: (t) => ({
      framework: t.field({ type: StandardsFrameworkRef, resolve: (p) => p.framework }),
      items: t.field({
        type: [RemapItemRef],
        description: 'One per commitment, by reference.',
        resolve: (p) => p.items,
      }),
      unresolvedCount: t.exposeInt('unresolvedCount'),
    }),
  });

  builder.objectFields(PlanRef, (t) => ({
    coverage: t.field({ type: CoverageRef, resolve: (plan) => coverageView(host, plan) }),
    submissionBlockers: t.field({
      type: [SubmissionBlockerRef],
      description: 'What stops submission now; empty when the plan can be submitted.',
      args: {
        checkPersonalData: t.arg.boolean({
          defaultValue: true,
          description:
            'false leaves out the scan of the published text for personal data (PERSONAL_DATA_SUSPECTED warnings), which reads every commitment: for pages that list what to fix. The submit page keeps it, and submitPlan always scans.',
        }),
      },
      resolve: (plan, { checkPersonalData }) =>
        submissionBlockersOf(host, plan, { personalData: checkPersonalData !== false }),
    }),
    viewerCan: t.field({
      type: PlanActionsRef,
      resolve: (plan, _args, ctx) => viewerCan(ctx, plan),
    }),
    remapProposal: t.field({
      type: RemapProposalRef,
      nullable: true,
      description:
        'Proposal for moving to another framework version (nothing changes until remapPlan); null for an unknown framework.',
      args: { frameworkId: t.arg.id({ required: true }) },
      resolve: (plan, { frameworkId }) => remapProposalOf(host, plan, String(frameworkId)),
    }),
  }));

  builder.objectField(SectionRef, 'easyReadSummary', (t) =>
    t.string({
      nullable: true,
      description: 'The section in Easy Read, shown on the published plan where written.',
      resolve: (s) => s.row?.easyReadSummary ?? null,
    }),
  );

  builder.queryField('standardsFrameworks', (t) =>
    t.prismaField({
      type: ['StandardsFramework'],
      description: 'Every standards framework in the catalogue, oldest first.',
      resolve: (query) =>
        host.prisma.standardsFramework.findMany({
          ...query,
          orderBy: [{ effectiveFrom: 'asc' }, { id: 'asc' }],
        }),
    }),
  );

  const MarkNotApplicableInput = builder.inputType('MarkStandardAreaNotApplicableInput', {
    validate: z.looseObject({
      reason: z.string().trim().min(1, 'Enter why this standard area does not apply to the plan'),
    }),
    fields: (t) => ({
      planId: t.id({ required: true }),
      standardAreaId: t.id({ required: true }),
      reason: t.string({ required: true }),
    }),
  });
  const ClearNotApplicableInput = builder.inputType('ClearStandardAreaNotApplicableInput', {
    fields: (t) => ({ planId: t.id({ required: true }), standardAreaId: t.id({ required: true }) }),
  });
  const UpdateEasyReadInput = builder.inputType('UpdateSectionEasyReadInput', {
    validate: z.looseObject({
      version: z.number().int().min(0, 'Version must be 0 or more'),
      easyReadSummary: z
        .string()
        .trim()
        .max(
          MAX_EASY_READ_LENGTH,
          `Easy Read summary must be ${MAX_EASY_READ_LENGTH} characters or fewer`,
        )
        .nullish(),
    }),
    fields: (t) => ({
      planId: t.id({ required: true }),
      sectionKey: t.string({ required: true }),
      version: t.int({
        required: true,
        description: 'The section version edited (0 if never written).',
      }),
      easyReadSummary: t.string({ description: 'Blank or null clears it.' }),
    }),
  });
  const RemapMappingInput = builder.inputType('RemapMappingInput', {
    fields: (t) => ({
      commitmentId: t.id({ required: true }),
      standardAreaIds: t.idList({ required: true, description: 'Areas of the target framework.' }),
    }),
  });
  const RemapPlanInput = builder.inputType('RemapPlanInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      frameworkId: t.id({ required: true }),
      mappings: t.field({
        type: [RemapMappingInput],
        required: true,
        description:
          "The lead's choice per commitment; a commitment not listed takes the proposal's suggestions.",
      }),
    }),
  });

  const planErrors = { types: [ValidationError, NotFoundError, ForbiddenError] };
  builder.mutationFields((t) => ({
    markStandardAreaNotApplicable: t.field({
      type: PlanRef,
      description:
        'Lead, draft only: a standard area does not apply to this plan, and why. It then counts as covered.',
      errors: planErrors,
      args: { input: t.arg({ type: MarkNotApplicableInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        markStandardAreaNotApplicable(host, ctx, {
          planId: String(input.planId),
          standardAreaId: String(input.standardAreaId),
          reason: input.reason,
        }),
    }),
    clearStandardAreaNotApplicable: t.field({
      type: PlanRef,
      errors: planErrors,
      args: { input: t.arg({ type: ClearNotApplicableInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        clearStandardAreaNotApplicable(host, ctx, {
          planId: String(input.planId),
          standardAreaId: String(input.standardAreaId),
        }),
    }),
    updateSectionEasyRead: t.field({
      type: SectionRef,
      errors: { types: [SectionConflictError, ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: UpdateEasyReadInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        updateSectionEasyRead(host, ctx, {
          planId: String(input.planId),
          sectionKey: input.sectionKey,
          version: input.version,
          easyReadSummary: input.easyReadSummary,
        }),
    }),
    remapPlan: t.field({
      type: PlanRef,
      description:
        'Lead, draft only: move the plan to another framework with the confirmed mappings, all or nothing.',
      errors: planErrors,
      args: { input: t.arg({ type: RemapPlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        remapPlan(host, ctx, {
          planId: String(input.planId),
          frameworkId: String(input.frameworkId),
          mappings: input.mappings.map((m) => ({
            commitmentId: String(m.commitmentId),
            standardAreaIds: m.standardAreaIds.map(String),
          })),
        }),
    }),
  }));
}
