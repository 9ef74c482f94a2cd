// A service administrator starts a partnership: its name and address, its first organisation (new,
// or an existing one found by ODS code: organisations are shared) as a signatory, and an
// invitation for its first lead. One transaction: the partnership never exists without its lead's
// invitation, nor the invitation without its mail.
import { Prisma, type Invitation, type Partnership } from '@lip/db';
import { authorizeSystemAdmin } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { ValidationError, type FieldError } from '../errors.ts';
import {
  isEmailAddress,
  normaliseEmail,
  normaliseOdsCode,
  SLUG,
  slugify,
  validateRoles,
} from '../partnerships/rules.ts';
import { appendAudit } from '../services/audit.ts';
import { parseJobTitle } from './invite.ts';
import { issueInvitation, type InvitationServices } from './issue.ts';

export interface CreatePartnershipArgs {
  name: string;
  slug?: string | null;
  localAuthorityCodes?: readonly string[] | null;
  region?: string | null;
  organisationName?: string | null;
  organisationTypeCode?: string | null;
  organisationOdsCode?: string | null;
  leadEmail: string;
  leadJobTitle?: string | null;
}

export interface CreatePartnershipResult {
  partnership: Partnership;
  invitation: Invitation;
}

const NAME_MAX = 120;
const SLUG_MAX = 60;
/** Local authority codes: the DfE's 3-digit numbers (886) or ONS codes (E10000016). */
const LA_CODE = /^[A-Z0-9]{3,9}$/;

const slugTaken = (slug: string) =>
  ValidationError.field(
    'slug',
    `Another partnership already uses the address /partnerships/${slug}: enter a different one`,
  );

function parseInput(args: CreatePartnershipArgs) {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path: [path], message });
  const tryField = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ValidationError) errors.push(...error.fieldErrors);
      else throw error;
      return undefined;
    }
  };

  const name = args.name.trim().replace(/\s+/g, ' ');
  if (!name) fail('name', 'Enter the partnership’s name');
  else if (name.length > NAME_MAX) fail('name', `The name must be ${NAME_MAX} characters or fewer`);

  const givenSlug = (args.slug ?? '').trim().toLowerCase();
  const slug = givenSlug || slugify(name);
  if (givenSlug && (givenSlug.length > SLUG_MAX || !SLUG.test(givenSlug)))
    fail(
      'slug',
      `Enter an address of lower-case letters, numbers and hyphens, up to ${SLUG_MAX} characters, like north-vale`,
    );
  else if (name && !slug) fail('slug', 'Enter an address for the partnership, like north-vale');

  const codes = [
    ...new Set((args.localAuthorityCodes ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean)),
  ];
  const badCode = codes.find((c) => !LA_CODE.test(c));
  if (badCode)
    fail(
      'localAuthorityCodes',
      `“${badCode}” is not a local authority code: enter codes like 886 or E10000016`,
    );
  if (codes.length > 20) fail('localAuthorityCodes', 'Enter 20 local authority codes or fewer');

  const region = (args.region ?? '').trim() || null;
  if (region && region.length > 100) fail('region', 'The region must be 100 characters or fewer');

  const odsCode = tryField(() => normaliseOdsCode('organisationOdsCode', args.organisationOdsCode));
  const organisationName = (args.organisationName ?? '').trim().replace(/\s+/g, ' ');
  if (organisationName.length > NAME_MAX)
    fail('organisationName', `The organisation’s name must be ${NAME_MAX} characters or fewer`);
  const organisationTypeCode = (args.organisationTypeCode ?? '').trim();

  const leadEmail = normaliseEmail(args.leadEmail);
  if (!leadEmail) fail('leadEmail', 'Enter the email address of the partnership lead');
  else if (!isEmailAddress(leadEmail))
    fail('leadEmail', 'Enter an email address in the correct format, like name@example.com');
  const leadJobTitle = tryField(() => parseJobTitle('leadJobTitle', args.leadJobTitle));

  return {
    errors,
    name,
    slug,
    codes,
    region,
    odsCode: odsCode ?? null,
    organisationName,
    organisationTypeCode,
    leadEmail,
    leadJobTitle: leadJobTitle ?? null,
  };
}

export async function createPartnership(
  services: InvitationServices,
  ctx: RequestContext,
  args: CreatePartnershipArgs,
): Promise<CreatePartnershipResult> {
  authorizeSystemAdmin(ctx);
  const input = parseInput(args);
  const { prisma } = services;
  const errors = [...input.errors];

  // The organisation: an existing one by ODS code, else a new one of a known type.
  const existing = input.odsCode
    ? await prisma.organisation.findUnique({ where: { odsCode: input.odsCode } })
    : null;
  const typeCode = existing?.typeCode ?? input.organisationTypeCode;
  if (!existing) {
    if (!input.organisationName)
      errors.push({
        path: ['organisationName'],
        message: input.odsCode
          ? `No organisation has the ODS code ${input.odsCode}: enter the organisation’s name and type to add it`
          : 'Enter the name of the lead’s organisation',
      });
    if (!typeCode)
      errors.push({ path: ['organisationTypeCode'], message: 'Choose the type of organisation' });
  }
  if (typeCode) {
    const type = await prisma.organisationType.findUnique({ where: { code: typeCode } });
    if (!type)
      errors.push({
        path: ['organisationTypeCode'],
        message: 'Choose one of the types of organisation listed',
      });
    else {
      try {
        validateRoles('organisationTypeCode', typeCode, ['PARTNERSHIP_LEAD']);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors.push({
          path: [existing ? 'organisationOdsCode' : 'organisationTypeCode'],
          message:
            'The partnership lead cannot come from a parent carer forum, young people’s forum, SENDIASS or an observer: choose the council or another statutory partner',
        });
      }
    }
  }
  if (
    input.slug &&
    !errors.some((e) => e.path[0] === 'slug') &&
    (await prisma.partnership.findUnique({ where: { slug: input.slug }, select: { id: true } }))
  )
    errors.push(slugTaken(input.slug).fieldErrors[0]!);
  if (errors.length > 0) throw new ValidationError(errors);

  try {
    const result = await prisma.$transaction(async (tx) => {
      const partnership = await tx.partnership.create({
        data: {
          name: input.name,
          slug: input.slug,
          localAuthorityCodes: input.codes,
          region: input.region,
        },
      });
      const organisation =
        existing ??
        (await tx.organisation.create({
          data: { name: input.organisationName, typeCode, odsCode: input.odsCode },
        }));
      await tx.partnershipOrganisation.create({
        data: { partnershipId: partnership.id, organisationId: organisation.id, isSignatory: true },
      });
      await appendAudit(tx, ctx, undefined, {
        partnershipId: partnership.id,
        planId: null,
        entityType: 'Partnership',
        entityId: partnership.id,
        action: 'partnership.created',
        after: {
          name: partnership.name,
          slug: partnership.slug,
          localAuthorityCodes: partnership.localAuthorityCodes,
          region: partnership.region,
          organisationId: organisation.id,
          organisationName: organisation.name,
          newOrganisation: !existing,
        },
      });
      const { invitation } = await issueInvitation(
        tx,
        services,
        ctx,
        {
          partnership,
          organisation,
          email: input.leadEmail,
          roles: ['PARTNERSHIP_LEAD'],
          jobTitle: input.leadJobTitle,
        },
        { userId: ctx.user!.id, name: ctx.user!.name, organisationName: null },
      );
      await appendAudit(tx, ctx, undefined, {
        partnershipId: partnership.id,
        planId: null,
        entityType: 'Invitation',
        entityId: invitation.id,
        action: 'invitation.sent',
        after: {
          email: invitation.email,
          organisationId: organisation.id,
          roles: invitation.roles,
          jobTitle: invitation.jobTitle,
          expiresAt: invitation.expiresAt,
        },
      });
      return { partnership, invitation };
    });
    services.mailer.kick();
    return result;
  } catch (error) {
    // Two administrators creating the same address (or organisation) at once: the second is told.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes('odsCode'))
        throw ValidationError.field(
          'organisationOdsCode',
          'Another organisation was just added with this ODS code: send the form again to use it',
        );
      throw slugTaken(input.slug);
    }
    throw error;
  }
}
