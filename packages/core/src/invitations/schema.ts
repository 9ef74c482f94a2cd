// GraphQL of partnership creation and invitations (docs/api-contract.md, "Invitations"). The logic
// lives beside this file; this module only declares types, fields and who may call them.
import type { LipBuilder } from '../builder.ts';
import type { RequestContext } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { encodeGlobalId } from '../ids.ts';
import { sessionFields } from '../schema/auth.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { acceptInvitation, previewInvitation, type AcceptResult } from './accept.ts';
import { createPartnership, type CreatePartnershipResult } from './create-partnership.ts';
import {
  deliveryOf,
  DELIVERY_STATUSES,
  INVITATION_STATUSES,
  invitationStatus,
  type DeliveryView,
} from './delivery.ts';
import { INVITATION_PROBLEMS, InvitationUnusableError } from './errors.ts';
import { inviteMembers, resendInvitation, revokeInvitation } from './invite.ts';
import type { InvitationServices } from './issue.ts';
import { linkInText } from './links.ts';

/** Partnerships the viewer leads. */
function ledPartnershipIds(ctx: RequestContext): string[] {
  return [...ctx.memberships.values()]
    .filter((m) => m.roles.includes('PARTNERSHIP_LEAD'))
    .map((m) => m.partnershipId);
}

const leadsOrAdmin = (ctx: RequestContext, partnershipId: string) =>
  Boolean(ctx.user?.isSystemAdmin) ||
  (ctx.memberships.get(partnershipId)?.roles.includes('PARTNERSHIP_LEAD') ?? false);

export function addInvitationTypes(
  builder: LipBuilder,
  services: InvitationServices,
  types: Pick<CoreTypeRefs, 'UserRef' | 'ErrorInterface' | 'PartnershipRef' | 'enums'>,
): void {
  const { UserRef, ErrorInterface, PartnershipRef, enums } = types;

  const StatusEnum = builder.enumType('InvitationStatus', {
    description:
      'PENDING until accepted, revoked or past its expiry (7 days after it was last sent).',
    values: INVITATION_STATUSES,
  });
  const DeliveryStatusEnum = builder.enumType('InvitationDeliveryStatus', {
    description:
      'QUEUED: waiting to be sent (or to be tried again); SENT: the mail server took it; FAILED: ' +
      'it could not be sent after several tries; NOT_SENT: this service sends no mail (no ' +
      'SMTP_URL, or the demo), so the lead passes the link on.',
    values: DELIVERY_STATUSES,
  });
  const ProblemEnum = builder.enumType('InvitationProblem', {
    description:
      'Why a link cannot be accepted: UNKNOWN (not a link of this service, or replaced by a newer ' +
      'one), EXPIRED, USED (accepted already), REVOKED, OTHER_ACCOUNT (signed in as someone else).',
    values: INVITATION_PROBLEMS,
  });

  builder.objectType(InvitationUnusableError, {
    name: 'InvitationUnusableError',
    description: 'The link cannot be accepted; the message says why and what to do next.',
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof InvitationUnusableError,
    fields: (t) => ({ problem: t.field({ type: ProblemEnum, resolve: (e) => e.problem }) }),
  });

  const DeliveryRef = builder.objectRef<DeliveryView>('InvitationDelivery').implement({
    description: "The invitation's latest mail.",
    fields: (t) => ({
      status: t.field({ type: DeliveryStatusEnum, resolve: (d) => d.status }),
      problem: t.exposeString('problem', {
        nullable: true,
        description: 'Why it is not sent (yet), in plain words; null when nothing went wrong.',
      }),
      sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    }),
  });

  builder.prismaNode('Invitation', {
    id: { field: 'id' },
    description:
      'An invitation to join a partnership for an organisation with roles. Seen by its leads only.',
    // Its partnership's leads; and service administrators, who invite a new partnership's first lead.
    findUnique: (id, ctx) =>
      ctx.user?.isSystemAdmin ? { id } : { id, partnershipId: { in: ledPartnershipIds(ctx) } },
    fields: (t) => ({
      email: t.exposeString('email'),
      partnershipName: t.string({
        select: { partnership: { select: { name: true } } },
        resolve: (i) => i.partnership.name,
      }),
      partnershipSlug: t.string({
        select: { partnership: { select: { slug: true } } },
        resolve: (i) => i.partnership.slug,
      }),
      organisation: t.relation('organisation'),
      roles: t.field({ type: [enums.MemberRoleEnum], resolve: (i) => i.roles }),
      jobTitle: t.exposeString('jobTitle', { nullable: true }),
      invitedBy: t.relation('invitedBy', { nullable: true }),
      status: t.field({ type: StatusEnum, resolve: (i) => invitationStatus(i) }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      sentAt: t.expose('lastSentAt', {
        type: 'DateTime',
        description: 'When it was last sent (created or resent).',
      }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
      acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
      revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
      delivery: t.field({
        type: DeliveryRef,
        select: {
          mail: { select: { status: true, lastError: true, sentAt: true, attempts: true } },
        },
        resolve: (i) => deliveryOf(i.mail, services.mailer.delivers),
      }),
      link: t.string({
        nullable: true,
        description:
          'The link to accept, for the lead to pass on: only while the invitation is pending and ' +
          'this service sends no mail (no SMTP_URL, or the demo); null otherwise. Only the link’s ' +
          'hash is stored: the link lives in the unsent mail until the invitation ends.',
        select: { mail: { select: { text: true } } },
        resolve: (i, _args, ctx) => {
          if (services.mailer.delivers || invitationStatus(i) !== 'PENDING') return null;
          if (!leadsOrAdmin(ctx, i.partnershipId) || !i.mail?.text) return null;
          return linkInText(i.mail.text, i.tokenHash);
        },
      }),
    }),
  });

  builder.objectField(UserRef, 'isSystemAdmin', (t) =>
    t.boolean({
      description:
        'A service administrator (creates partnerships). Told of the viewer only: false for others.',
      resolve: (user, _args, ctx) => user.id === ctx.user?.id && user.isSystemAdmin,
    }),
  );

  builder.prismaObjectField(PartnershipRef, 'invitations', (t) =>
    t.prismaField({
      type: ['Invitation'],
      description:
        "The partnership's invitations (its leads only): pending ones first, by when they were " +
        'sent, then the others, newest first.',
      authScopes: (partnership) => ({ lead: partnership.id }),
      resolve: async (query, partnership) => {
        const rows = await services.prisma.invitation.findMany({
          ...query,
          where: { partnershipId: partnership.id },
          orderBy: [{ lastSentAt: 'desc' }, { id: 'asc' }],
          take: 500,
        });
        const now = Date.now();
        const pending = rows.filter((r) => invitationStatus(r, now) === 'PENDING');
        const others = rows.filter((r) => invitationStatus(r, now) !== 'PENDING');
        return [...pending, ...others];
      },
    }),
  );

  const PreviewRef = builder
    .objectRef<Awaited<ReturnType<typeof previewInvitation>> & object>('InvitationPreview')
    .implement({
      description: 'What the accept page shows of an invitation, to whoever holds its link.',
      fields: (t) => ({
        status: t.field({ type: StatusEnum, resolve: (p) => p.status }),
        email: t.exposeString('email', { description: 'The address it was sent to.' }),
        partnershipName: t.exposeString('partnershipName'),
        organisationName: t.exposeString('organisationName'),
        roles: t.field({ type: [enums.MemberRoleEnum], resolve: (p) => p.roles }),
        jobTitle: t.exposeString('jobTitle', { nullable: true }),
        invitedByName: t.exposeString('invitedByName', { nullable: true }),
        expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
        accountExists: t.exposeBoolean('accountExists', {
          description: 'Whether the address has an account (if not, accepting needs a name).',
        }),
      }),
    });

  builder.queryField('invitation', (t) =>
    t.field({
      type: PreviewRef,
      nullable: true,
      description: 'The invitation a link is for; null for a link that is not one.',
      args: { token: t.arg.string({ required: true, description: 'The last part of the link.' }) },
      resolve: (_root, { token }) => previewInvitation(services, token),
    }),
  );

  const CreatePartnershipPayload = builder
    .objectRef<CreatePartnershipResult>('CreatePartnershipPayload')
    .implement({
      fields: (t) => ({
        partnershipId: t.id({
          description: "The new partnership's id (the administrator is not a member of it).",
          resolve: (r) => encodeGlobalId('Partnership', r.partnership.id),
        }),
        slug: t.string({ resolve: (r) => r.partnership.slug }),
        name: t.string({ resolve: (r) => r.partnership.name }),
        invitation: t.prismaField({
          type: 'Invitation',
          description: "The first lead's invitation (with its link when no mail can be sent).",
          resolve: (query, r) =>
            services.prisma.invitation.findUniqueOrThrow({
              ...query,
              where: { id: r.invitation.id },
            }),
        }),
      }),
    });

  const InviteMemberPayload = builder
    .objectRef<{ ids: string[] }>('InviteMemberPayload')
    .implement({
      fields: (t) => ({
        invitations: t.prismaField({
          type: ['Invitation'],
          resolve: (query, r) =>
            services.prisma.invitation.findMany({
              ...query,
              where: { id: { in: r.ids } },
              orderBy: { email: 'asc' },
            }),
        }),
      }),
    });

  const AcceptPayload = builder.objectRef<AcceptResult>('AcceptInvitationPayload').implement({
    description: 'The person has joined and is signed in: a session, as signIn gives.',
    fields: (t) => ({
      ...sessionFields(t, UserRef),
      partnershipSlug: t.exposeString('partnershipSlug', {
        description: 'Where to go next: /partnerships/<slug>.',
      }),
      partnershipName: t.exposeString('partnershipName'),
    }),
  });

  const CreatePartnershipInput = builder.inputType('CreatePartnershipInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      slug: t.string({
        description: 'The address: /partnerships/<slug>. Default: made from the name.',
      }),
      localAuthorityCodes: t.stringList({ description: 'E.g. ["886"] or ["E10000016"].' }),
      region: t.string(),
      organisationOdsCode: t.string({
        description:
          "The lead's organisation's ODS code: an organisation that has it already is used (organisations are shared); otherwise the new organisation gets it.",
      }),
      organisationName: t.string({ description: 'For a new organisation.' }),
      organisationTypeCode: t.string({
        description: 'For a new organisation: an OrganisationType code, e.g. "council-education".',
      }),
      leadEmail: t.string({ required: true, description: 'Who is invited as the first lead.' }),
      leadJobTitle: t.string(),
    }),
  });

  const InviteMemberInput = builder.inputType('InviteMemberInput', {
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      emails: t.stringList({
        required: true,
        description: 'Up to 100 addresses; repeats count once. All are invited, or none.',
      }),
      organisationId: t.id({
        required: true,
        description: 'An organisation of the partnership: the one they act for.',
      }),
      roles: t.field({ type: [enums.MemberRoleEnum], required: true }),
      jobTitle: t.string(),
    }),
  });

  const InvitationIdInput = (name: string) =>
    builder.inputType(name, { fields: (t) => ({ id: t.id({ required: true }) }) });
  const ResendInput = InvitationIdInput('ResendInvitationInput');
  const RevokeInput = InvitationIdInput('RevokeInvitationInput');

  const AcceptInput = builder.inputType('AcceptInvitationInput', {
    fields: (t) => ({
      token: t.string({ required: true, description: 'The last part of the link.' }),
      name: t.string({
        description: 'Full name: needed when the invited address has no account yet.',
      }),
    }),
  });

  builder.mutationFields((t) => ({
    createPartnership: t.field({
      type: CreatePartnershipPayload,
      description:
        'Creates a partnership with its first organisation (a signatory) and invites its first ' +
        'lead (service administrators only).',
      errors: { types: [ValidationError, ForbiddenError] },
      args: { input: t.arg({ type: CreatePartnershipInput, required: true }) },
      resolve: (_root, { input }, ctx) => createPartnership(services, ctx, input),
    }),
    inviteMember: t.field({
      type: InviteMemberPayload,
      description:
        'Invites people by email to act for an organisation of the partnership with some roles ' +
        '(its leads only). Each gets a link that works once within 7 days.',
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: InviteMemberInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const written = await inviteMembers(services, ctx, {
          partnershipId: String(input.partnershipId),
          emails: input.emails,
          organisationId: String(input.organisationId),
          roles: input.roles,
          jobTitle: input.jobTitle,
        });
        return { ids: written.map((i) => i.id) };
      },
    }),
    resendInvitation: t.prismaField({
      type: 'Invitation',
      description:
        'Sends an invitation again with a new link and expiry; the old link stops working (leads only).',
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: ResendInput, required: true }) },
      resolve: async (query, _root, { input }, ctx) => {
        const invitation = await resendInvitation(services, ctx, String(input.id));
        return services.prisma.invitation.findUniqueOrThrow({
          ...query,
          where: { id: invitation.id },
        });
      },
    }),
    revokeInvitation: t.prismaField({
      type: 'Invitation',
      description: 'Cancels a pending invitation: its link then says so (leads only).',
      errors: { types: [ValidationError, NotFoundError, ForbiddenError] },
      args: { input: t.arg({ type: RevokeInput, required: true }) },
      resolve: async (query, _root, { input }, ctx) => {
        const invitation = await revokeInvitation(services, ctx, String(input.id));
        return services.prisma.invitation.findUniqueOrThrow({
          ...query,
          where: { id: invitation.id },
        });
      },
    }),
    acceptInvitation: t.field({
      type: AcceptPayload,
      description:
        'Accepts an invitation (whoever holds the link): joins the partnership, creating the ' +
        'account if the address has none, and signs in.',
      errors: { types: [InvitationUnusableError, ValidationError] },
      args: { input: t.arg({ type: AcceptInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        acceptInvitation(services, ctx, { token: input.token, name: input.name }),
    }),
  }));
}
