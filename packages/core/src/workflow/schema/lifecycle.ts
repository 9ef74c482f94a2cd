// GraphQL of the lifecycle: versions, sign-offs, the diff, the public published plan and the
// transition mutations. Contract: docs/api-workflow.md (Lifecycle, Schema additions).
import { SignOffDecision, type Plan } from '@lip/db';
import { z } from 'zod';
import type { LipBuilder } from '../../builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import type { CoreHost } from '../../host.ts';
import { memoForPlan } from '../../plan-memo.ts';
import { encodeGlobalId } from '../../ids.ts';
import { readSnapshot } from '../../read-snapshot.ts';
import type { CoreTypeRefs } from '../../schema/type-refs.ts';
import { findVisiblePlan, visiblePlansWhere } from '../../services/plans.ts';
import type { PlanSnapshot } from '../../snapshot.ts';
import { dateField } from '../../validation.ts';
import {
  commitmentAuthors,
  diffSnapshots,
  type ChangeAuthor,
  type CommitmentDiff,
  type FieldChange,
  type PlanDiff,
  type SectionDiff,
} from '../diff.ts';
import {
  PlanStateConflictError,
  publishPlan,
  startRevision,
  submitPlan,
  SubmissionBlockedError,
  withdrawPlan,
} from '../lifecycle.ts';
import {
  findPublishedVersion,
  isPublic,
  publicationOf,
  publicPathOf,
  signOffsInclude,
  type PublishedPlanView,
} from '../publication.ts';
import { submissionBlockerTypes } from './coverage.ts';
import { recordSignOff, signatoriesOf, type Signatory } from '../sign-off.ts';
import { buildSnapshot } from '../snapshot-builder.ts';

const PUBLIC_OR_LATER = ['PARTNER_REVIEW', 'SIGNED_OFF', 'PUBLISHED', 'SUPERSEDED'] as const;

export function addLifecycleTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const { PlanRef, OrganisationRef, ErrorInterface, enums } = types;
  const { SubmissionBlockerRef } = submissionBlockerTypes(builder);

  // ------------------------------------------------------------------------------------ errors
  builder.objectType(SubmissionBlockedError, {
    name: 'SubmissionBlockedError',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof SubmissionBlockedError,
    fields: (t) => ({
      blockers: t.field({ type: [SubmissionBlockerRef], resolve: (e) => e.blockers }),
    }),
  });
  builder.objectType(PlanStateConflictError, {
    name: 'PlanStateConflictError',
    description: 'The plan moved on (another person changed its state) since the page was loaded.',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof PlanStateConflictError,
    fields: (t) => ({
      current: t.field({
        type: PlanRef,
        description: 'The plan as it is now.',
        resolve: (e) => e.current,
      }),
    }),
  });

  // --------------------------------------------------------------------------- sign-off types
  const SignOffDecisionEnum = builder.enumType(SignOffDecision, { name: 'SignOffDecision' });
  const SignatoryKindEnum = builder.enumType('SignatoryKind', {
    values: ['SIGN_OFF', 'ACKNOWLEDGEMENT'] as const,
  });
  const ChangeKindEnum = builder.enumType('ChangeKind', {
    values: ['ADDED', 'REMOVED', 'CHANGED'] as const,
  });

  const userName = async (id: string | null) =>
    id
      ? ((await host.prisma.user.findUnique({ where: { id }, select: { name: true } }))?.name ??
        null)
      : null;

  const SignOffRef = builder.prismaNode('SignOff', {
    id: { field: 'id' },
    findUnique: (id, ctx) => ({ id, plan: visiblePlansWhere(ctx) }),
    fields: (t) => ({
      organisation: t.relation('organisation'),
      decision: t.expose('decision', { type: SignOffDecisionEnum }),
      conditions: t.exposeString('conditions', { nullable: true }),
      concerns: t.exposeString('concerns', {
        nullable: true,
        description: 'What the parent carer forum wants recorded with its acknowledgement.',
      }),
      signatoryName: t.exposeString('signatoryName'),
      signatoryRole: t.exposeString('signatoryRole'),
      forum: t.exposeString('forum', {
        description: 'The meeting or board where the decision was taken.',
      }),
      decidedOn: t.expose('decidedOn', { type: 'Date' }),
      recordedByName: t.string({ nullable: true, resolve: (s) => userName(s.recordedById) }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
    }),
  });

  const SignatoryRef = builder.objectRef<Signatory>('Signatory').implement({
    fields: (t) => ({
      organisation: t.field({ type: OrganisationRef, resolve: (s) => s.organisation }),
      kind: t.field({ type: SignatoryKindEnum, resolve: (s) => s.kind }),
      signOff: t.field({ type: SignOffRef, nullable: true, resolve: (s) => s.signOff }),
      viewerCanRecord: t.exposeBoolean('viewerCanRecord'),
    }),
  });

  // --------------------------------------------------------------------------------- versions
  builder.prismaNode('PlanVersion', {
    id: { field: 'id' },
    description:
      'A frozen, immutable version of a plan (its snapshot never changes; its state moves on).',
    findUnique: (id, ctx) => ({ id, plan: visiblePlansWhere(ctx) }),
    fields: (t) => ({
      number: t.exposeInt('number'),
      state: t.expose('state', { type: enums.PlanStateEnum }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      createdByName: t.string({ nullable: true, resolve: (v) => userName(v.createdById) }),
      note: t.exposeString('note', {
        nullable: true,
        description: 'The partnership lead’s note to the partners, written when it was submitted.',
      }),
      createdByOrganisation: t.field({
        type: OrganisationRef,
        nullable: true,
        resolve: (v) =>
          v.createdByOrganisationId
            ? host.prisma.organisation.findUnique({ where: { id: v.createdByOrganisationId } })
            : null,
      }),
      signedOffAt: t.expose('signedOffAt', { type: 'DateTime', nullable: true }),
      publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
      supersededAt: t.expose('supersededAt', { type: 'DateTime', nullable: true }),
      signOffs: t.relation('signOffs', { query: { orderBy: { createdAt: 'asc' } } }),
      publicPath: t.string({
        nullable: true,
        description:
          'Where the public page of this version is (/published/northshire/2026-29/1); null unless PUBLISHED or SUPERSEDED.',
        select: { plan: { select: { slug: true } } },
        resolve: (v) =>
          isPublic(v)
            ? publicPathOf(readSnapshot(v.snapshot).partnership.slug, v.plan.slug, v.number)
            : null,
      }),
      publicationJson: t.string({
        description:
          'JSON text of the Publication (snapshot after disclosure control + version record): the input of @lip/publish.',
        resolve: async (v) =>
          JSON.stringify(
            publicationOf(
              await host.prisma.planVersion.findUniqueOrThrow({
                where: { id: v.id },
                include: signOffsInclude,
              }),
            ),
          ),
      }),
    }),
  });

  /**
   * The current version and the published one in one read per plan and execution: only one version
   * is ever in review or signed off, and superseded ones are older than the published one, so the
   * published version is the newest or the one before it.
   */
  const recentVersions = (plan: Plan) =>
    memoForPlan(plan, 'recent-versions', () =>
      host.prisma.planVersion.findMany({
        where: { planId: plan.id, state: { in: [...PUBLIC_OR_LATER] } },
        orderBy: { number: 'desc' },
        take: 2,
        include: { plan: { select: { slug: true } }, signOffs: { orderBy: { createdAt: 'asc' } } },
      }),
    );

  builder.prismaObjectFields('Plan', (t) => ({
    versions: t.relation('versions', {
      description: 'Newest first.',
      query: { orderBy: { number: 'desc' } },
    }),
    planVersion: t.prismaField({
      type: 'PlanVersion',
      nullable: true,
      args: { number: t.arg.int({ required: true }) },
      resolve: (query, plan, { number }) =>
        host.prisma.planVersion.findFirst({ ...query, where: { planId: plan.id, number } }),
    }),
    currentVersion: t.prismaField({
      type: 'PlanVersion',
      nullable: true,
      description:
        'The version under review, signed off or published most recently; null for a plan never submitted.',
      resolve: async (_query, plan) => (await recentVersions(plan))[0] ?? null,
    }),
    publishedVersion: t.prismaField({
      type: 'PlanVersion',
      nullable: true,
      description: 'The version the public sees now.',
      resolve: async (_query, plan) =>
        (await recentVersions(plan)).find((v) => v.state === 'PUBLISHED') ?? null,
    }),
    signatories: t.field({
      type: [SignatoryRef],
      description:
        'The organisations expected to decide on the current version, with their decision when recorded.',
      resolve: (plan, _args, ctx) => signatoriesOf(host, ctx, plan),
    }),
  }));

  // ------------------------------------------------------------------------------------- diff
  const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
    fields: (t) => ({
      field: t.exposeString('field'),
      label: t.exposeString('label'),
      before: t.exposeString('before', { nullable: true }),
      after: t.exposeString('after', { nullable: true }),
    }),
  });
  const ChangeAuthorRef = builder.objectRef<ChangeAuthor>('ChangeAuthor').implement({
    description: 'Who changed it between the two versions, from the audit log.',
    fields: (t) => ({
      name: t.exposeString('name'),
      organisationName: t.exposeString('organisationName', { nullable: true }),
      at: t.expose('at', { type: 'DateTime' }),
    }),
  });
  const CommitmentDiffRef = builder.objectRef<CommitmentDiff>('CommitmentDiff').implement({
    fields: (t) => ({
      reference: t.exposeString('reference'),
      title: t.exposeString('title'),
      change: t.field({ type: ChangeKindEnum, resolve: (c) => c.change }),
      fields: t.field({ type: [FieldChangeRef], resolve: (c) => c.fields }),
      changedBy: t.field({ type: [ChangeAuthorRef], resolve: (c) => c.changedBy }),
    }),
  });
  const SectionDiffRef = builder.objectRef<SectionDiff>('SectionDiff').implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      title: t.exposeString('title'),
      fields: t.field({ type: [FieldChangeRef], resolve: (s) => s.fields }),
      commitments: t.field({ type: [CommitmentDiffRef], resolve: (s) => s.commitments }),
    }),
  });
  const PlanDiffRef = builder.objectRef<PlanDiff>('PlanDiff').implement({
    fields: (t) => ({
      from: t.exposeInt('from'),
      to: t.exposeInt('to', { nullable: true, description: 'null: the current draft.' }),
      sections: t.field({
        type: [SectionDiffRef],
        description: 'Only sections with changes.',
        resolve: (d) => d.sections,
      }),
      tariffs: t.field({
        type: [FieldChangeRef],
        description:
          'Tariffs in force that changed, one per band and provision type (field "<band>|<type>").',
        resolve: (d) => d.tariffs,
      }),
      changedCount: t.exposeInt('changedCount'),
    }),
  });

  builder.queryField('planDiff', (t) =>
    t.field({
      type: PlanDiffRef,
      nullable: true,
      description:
        'Diff between two versions of a plan; `to` omitted means the current draft. null when either is not there.',
      args: {
        planId: t.arg.id({ required: true }),
        from: t.arg.int({ required: true }),
        to: t.arg.int(),
      },
      resolve: async (_root, args, ctx) => {
        const plan = await findVisiblePlan(host, ctx, String(args.planId));
        if (!plan) return null;
        const from = await host.prisma.planVersion.findFirst({
          where: { planId: plan.id, number: args.from },
        });
        if (!from) return null;
        let to: PlanSnapshot;
        let until: Date;
        if (args.to == null) {
          to = await buildSnapshot(host.prisma, host, plan.id, 0);
          until = new Date();
        } else {
          const version = await host.prisma.planVersion.findFirst({
            where: { planId: plan.id, number: args.to },
          });
          if (!version) return null;
          to = readSnapshot(version.snapshot);
          until = version.createdAt;
        }
        const [since, upTo] =
          from.createdAt <= until ? [from.createdAt, until] : [until, from.createdAt];
        const authors = await commitmentAuthors(host.prisma, plan.id, since, upTo);
        return diffSnapshots(readSnapshot(from.snapshot), to, args.to ?? null, authors);
      },
    }),
  );

  // ---------------------------------------------------------------------------- public plan
  const PublishedPlanRef = builder.objectRef<PublishedPlanView>('PublishedPlan').implement({
    description: 'A published (or superseded) version as anyone may read it.',
    fields: (t) => ({
      planId: t.id({ resolve: (p) => encodeGlobalId('Plan', p.version.planId) }),
      planSlug: t.string({
        description: 'The plan’s part of its public address, e.g. "2026-29".',
        resolve: (p) => p.version.plan.slug,
      }),
      path: t.string({
        description: 'The public address of this version, e.g. /published/northshire/2026-29/1.',
        resolve: (p) => publicPathOf(p.partnershipSlug, p.version.plan.slug, p.version.number),
      }),
      planPath: t.string({
        description:
          'The plan’s public address, which always shows the version published now, e.g. /published/northshire/2026-29.',
        resolve: (p) => publicPathOf(p.partnershipSlug, p.version.plan.slug),
      }),
      title: t.exposeString('title'),
      partnershipName: t.exposeString('partnershipName'),
      version: t.int({ resolve: (p) => p.version.number }),
      state: t.field({ type: enums.PlanStateEnum, resolve: (p) => p.version.state }),
      publishedAt: t.field({ type: 'DateTime', resolve: (p) => p.version.publishedAt! }),
      supersededBy: t.exposeInt('supersededBy', {
        nullable: true,
        description: 'Newer published version, when this one is superseded.',
      }),
      publicationJson: t.string({ resolve: (p) => JSON.stringify(publicationOf(p.version)) }),
    }),
  });
  builder.queryField('publishedPlan', (t) =>
    t.field({
      type: PublishedPlanRef,
      nullable: true,
      description:
        'Public: a published (or superseded) version, no sign-in. null for anything not published.',
      args: {
        partnershipSlug: t.arg.string({ required: true }),
        planSlug: t.arg.string({
          description: 'The plan’s readable address part, e.g. "2026-29" (Plan.slug).',
        }),
        planId: t.arg.id({ description: 'Or the plan’s id, as older addresses carry it.' }),
        version: t.arg.int({ description: 'Omitted: the version published now.' }),
      },
      resolve: (_root, args) =>
        args.planSlug != null
          ? findPublishedVersion(
              host,
              args.partnershipSlug,
              { planSlug: args.planSlug },
              args.version,
            )
          : args.planId != null
            ? findPublishedVersion(
                host,
                args.partnershipSlug,
                { planId: String(args.planId) },
                args.version,
              )
            : null,
    }),
  );

  // -------------------------------------------------------------------------------- mutations
  const lifecycleErrors = {
    types: [PlanStateConflictError, ValidationError, NotFoundError, ForbiddenError],
  };
  const PlanIdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ planId: t.id({ required: true }) }) });
  const SubmitPlanInput = builder.inputType('SubmitPlanInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      note: t.string({
        description:
          'Why now, or what to look at first: kept with the version and shown to the partners.',
      }),
      confirmPersonalDataChecked: t.boolean({
        description:
          'The lead has checked the text flagged as possible personal data (PERSONAL_DATA_SUSPECTED blockers) and confirms it is not a child’s personal data.',
      }),
    }),
  });
  const WithdrawPlanInput = builder.inputType('WithdrawPlanInput', {
    validate: z.looseObject({
      reason: z.string().trim().min(1, 'Enter why the plan is being withdrawn'),
    }),
    fields: (t) => ({ planId: t.id({ required: true }), reason: t.string({ required: true }) }),
  });
  const RecordSignOffInput = builder.inputType('RecordSignOffInput', {
    validate: z.looseObject({
      decidedOn: dateField('Date of the decision'),
      conditions: z.string().max(5000, 'Conditions must be 5000 characters or fewer').nullish(),
      concerns: z.string().max(5000, 'Concerns must be 5000 characters or fewer').nullish(),
      signatoryName: z
        .string()
        .trim()
        .min(1, 'Enter the name of the person who decided')
        .max(200, 'Name must be 200 characters or fewer'),
      signatoryRole: z
        .string()
        .trim()
        .min(1, 'Enter their role')
        .max(200, 'Role must be 200 characters or fewer'),
      forum: z
        .string()
        .trim()
        .min(1, 'Enter the meeting or forum where it was decided')
        .max(200, 'Forum must be 200 characters or fewer'),
    }),
    fields: (t) => ({
      planId: t.id({ required: true }),
      versionNumber: t.int({ required: true }),
      organisationId: t.id({ required: true }),
      decision: t.field({ type: SignOffDecisionEnum, required: true }),
      conditions: t.string({ description: 'Required for APPROVED_WITH_CONDITIONS and REJECTED.' }),
      concerns: t.string({
        description:
          'ACKNOWLEDGED only: concerns the parent carer forum wants recorded (optional).',
      }),
      signatoryName: t.string({ required: true }),
      signatoryRole: t.string({ required: true }),
      forum: t.string({ required: true }),
      decidedOn: t.field({ type: 'Date', required: true }),
    }),
  });
  const PublishPlanInput = builder.inputType('PublishPlanInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      confirmed: t.boolean({
        required: true,
        description:
          'The lead confirms that any conditions of approval have been met and the version can be made public; false is refused.',
      }),
    }),
  });
  const StartRevisionInput = PlanIdInput('StartRevisionInput');

  builder.mutationFields((t) => ({
    submitPlan: t.field({
      type: PlanRef,
      description: 'Freezes the next version for partner review.',
      errors: { types: [SubmissionBlockedError, ...lifecycleErrors.types] },
      args: { input: t.arg({ type: SubmitPlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        submitPlan(host, ctx, {
          planId: String(input.planId),
          note: input.note,
          confirmPersonalDataChecked: input.confirmPersonalDataChecked === true,
        }),
    }),
    withdrawPlan: t.field({
      type: PlanRef,
      errors: lifecycleErrors,
      args: { input: t.arg({ type: WithdrawPlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        withdrawPlan(host, ctx, { planId: String(input.planId), reason: input.reason }),
    }),
    recordSignOff: t.field({
      type: SignOffRef,
      errors: lifecycleErrors,
      args: { input: t.arg({ type: RecordSignOffInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        recordSignOff(host, ctx, {
          ...input,
          planId: String(input.planId),
          organisationId: String(input.organisationId),
        }),
    }),
    publishPlan: t.field({
      type: PlanRef,
      errors: lifecycleErrors,
      args: { input: t.arg({ type: PublishPlanInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        publishPlan(host, ctx, { planId: String(input.planId), confirmed: input.confirmed }),
    }),
    startRevision: t.field({
      type: PlanRef,
      errors: lifecycleErrors,
      args: { input: t.arg({ type: StartRevisionInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        startRevision(host, ctx, { planId: String(input.planId) }),
    }),
  }));
}
