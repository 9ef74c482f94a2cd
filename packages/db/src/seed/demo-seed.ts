import type { PrismaClient } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';
import { hashPassword } from '../password.ts';
import { planSlugBase } from '../plan-slug.ts';
import { seedCatalogue } from './catalogue-seed.ts';
import {
  demoAdministrators,
  demoOverseers,
  demoPartnerships,
  type PartnershipSeed,
} from './demo-data.ts';
import { seedDemoCoproduction } from './demo-coproduction.ts';
import { seedDemoSettings } from './demo-settings.ts';
import { seedDemoMetrics } from './demo-metrics.ts';

/** The password of every demo account. Demo mode only: never seed demo data in production. */
export const DEMO_PASSWORD = 'lip-demo-2026';

export interface DemoAccount {
  email: string;
  name: string;
  /** Partnership slug (none for a service administrator). */
  partnership?: string;
  /** Role held in that partnership, e.g. 'SECTION_EDITOR'. */
  role?: MemberRole;
  organisation?: string;
  /** What the account can do, e.g. "Section editor (NHS Northshire ICB): edits the health section only". */
  description: string;
}

/** The demo accounts (all with DEMO_PASSWORD), so the server can print them on start. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  ...demoPartnerships.flatMap((partnership) =>
    partnership.users.map((user) => ({
      email: user.email,
      name: user.name,
      partnership: partnership.slug,
      role: user.roles[0] ?? 'VIEWER',
      organisation:
        partnership.organisations.find((organisation) => organisation.id === user.organisationId)
          ?.name ?? '',
      description: user.description,
    })),
  ),
  ...demoAdministrators.map(({ email, name, description }) => ({ email, name, description })),
  ...demoOverseers.map(({ email, name, description }) => ({ email, name, description })),
];

let demoHash: Promise<string> | undefined;
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

const date = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Demo data: Northshire (five organisations, eight accounts, a draft local inclusion plan of about
 * 40 commitments), Southvale (its own council, ICB, forum, lead and small draft), for isolation,
 * and a service administrator (admin@service.example).
 * Idempotent: creates what is missing and leaves existing rows (and anyone's edits) alone.
 * Seeds the catalogue first if it is absent.
 */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
  if (!(await prisma.standardsFramework.findUnique({ where: { id: 'lip-working-2026' } }))) {
    await seedCatalogue(prisma);
  }
  const passwordHash = await demoPasswordHash();
  // One transaction, bulk inserts: the demo seed is part of many test templates.
  await prisma.$transaction(
    async (tx) => {
      for (const partnership of demoPartnerships)
        await seedPartnership(tx, partnership, passwordHash);
      await tx.user.createMany({
        data: demoAdministrators.map(({ email, name }) => ({
          email,
          name,
          passwordHash,
          isSystemAdmin: true,
        })),
        skipDuplicates: true,
      });
      await seedDemoOverseers(tx, passwordHash);
      await seedDemoCoproduction(tx);
      await seedDemoMetrics(tx);
      await seedDemoSettings(tx);
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The partnership's bands and tariffs, once: left alone when it has any band (edits stay). */
async function seedBanding(prisma: Tx, partnershipId: string, seed: PartnershipSeed) {
  if (!seed.banding || (await prisma.band.count({ where: { partnershipId } })) > 0) return;
  await prisma.band.createMany({
    data: seed.banding.map((band, index) => ({
      id: `${partnershipId}.band-${index + 1}`,
      partnershipId,
      name: band.name,
      position: index + 1,
      descriptionOfNeed: band.descriptionOfNeed,
    })),
  });
  await prisma.tariff.createMany({
    data: seed.banding.flatMap((band, index) =>
      band.tariffs.map((tariff) => ({
        id: `${partnershipId}.band-${index + 1}.${tariff.provisionType}`,
        partnershipId,
        bandId: `${partnershipId}.band-${index + 1}`,
        provisionType: tariff.provisionType,
        annualPrice: tariff.annualPrice,
        effectiveFrom: date(tariff.effectiveFrom),
      })),
    ),
  });
}

/** The oversight accounts and their memberships, granted by the first demo administrator. */
async function seedDemoOverseers(prisma: Tx, passwordHash: string): Promise<void> {
  await prisma.user.createMany({
    data: demoOverseers.map(({ email, name }) => ({ email, name, passwordHash })),
    skipDuplicates: true,
  });
  const admin = await prisma.user.findUnique({
    where: { email: demoAdministrators[0]?.email ?? '' },
    select: { id: true },
  });
  for (const overseer of demoOverseers) {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: overseer.email } });
    await prisma.oversightMembership.upsert({
      where: { userId: user.id },
      create: {
        userId: user.id,
        name: overseer.team,
        region: overseer.region,
        grantedById: admin?.id ?? null,
      },
      update: {},
    });
  }
}

async function seedPartnership(
  prisma: Tx,
  seed: PartnershipSeed,
  passwordHash: string,
): Promise<void> {
  const partnership = await prisma.partnership.upsert({
    where: { slug: seed.slug },
    create: {
      id: seed.id,
      slug: seed.slug,
      name: seed.name,
      localAuthorityCodes: seed.localAuthorityCodes,
      region: seed.region,
      // The demo partnerships have chosen their disclosure rule (publishing needs one): counts
      // below 5 are suppressed, and "no rounding" is their explicit choice.
      smallNumberThreshold: 5,
      roundingBase: null,
      disclosureRuleSetAt: new Date('2026-09-01T09:00:00Z'),
    },
    update: {},
  });
  await seedBanding(prisma, partnership.id, seed);
  await prisma.organisation.createMany({
    data: seed.organisations.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      typeCode: organisation.typeCode,
    })),
    skipDuplicates: true,
  });
  await prisma.partnershipOrganisation.createMany({
    data: seed.organisations.map((organisation) => ({
      partnershipId: partnership.id,
      organisationId: organisation.id,
      isSignatory: organisation.isSignatory,
    })),
    skipDuplicates: true,
  });
  await prisma.user.createMany({
    data: seed.users.map((person) => ({ email: person.email, name: person.name, passwordHash })),
    skipDuplicates: true,
  });
  const users = await prisma.user.findMany({
    where: { email: { in: seed.users.map((person) => person.email) } },
    select: { id: true, email: true },
  });
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  await prisma.member.createMany({
    data: seed.users.flatMap((person) => {
      const userId = userIds.get(person.email);
      return userId
        ? [
            {
              partnershipId: partnership.id,
              userId,
              organisationId: person.organisationId,
              roles: person.roles,
              jobTitle: person.jobTitle,
            },
          ]
        : [];
    }),
    skipDuplicates: true,
  });
  const members = await prisma.member.findMany({
    where: { partnershipId: partnership.id },
    select: { id: true, user: { select: { email: true } } },
  });
  const memberIds = new Map(members.map((member) => [member.user.email, member.id]));

  const planSeed = seed.plan;
  const plan = await prisma.plan.upsert({
    where: { id: planSeed.id },
    create: {
      id: planSeed.id,
      partnershipId: partnership.id,
      kindId: planSeed.kindId,
      frameworkId: planSeed.frameworkId,
      title: planSeed.title,
      slug: planSlugBase(date(planSeed.periodStart), date(planSeed.periodEnd)),
      periodStart: date(planSeed.periodStart),
      periodEnd: date(planSeed.periodEnd),
      state: 'DRAFT',
    },
    update: {},
  });
  await prisma.section.createMany({
    data: planSeed.sections.map((section) => ({
      planId: plan.id,
      key: section.key,
      pluginId: section.key,
      ownerOrganisationId: section.ownerOrganisationId,
      status: section.status,
      summary: section.summary,
      data: {},
    })),
    skipDuplicates: true,
  });
  const sections = await prisma.section.findMany({
    where: { planId: plan.id },
    select: { id: true, key: true },
  });
  const sectionIds = new Map(sections.map((section) => [section.key, section.id]));
  const areas = await prisma.standardArea.findMany({
    where: { frameworkId: planSeed.frameworkId },
  });
  const areaIds = new Map(areas.map((area) => [area.code, area.id]));
  const existing = new Set(
    (
      await prisma.commitment.findMany({ where: { planId: plan.id }, select: { reference: true } })
    ).map((commitment) => commitment.reference),
  );
  const missing = planSeed.commitments.filter((commitment) => !existing.has(commitment.reference));
  const commitmentId = (reference: string) => `${plan.id}.${reference}`;
  await prisma.commitment.createMany({
    data: missing.map((commitment) => {
      const sectionId = sectionIds.get(commitment.section);
      if (!sectionId)
        throw new Error(
          `Demo commitment ${commitment.reference} names a missing section ${commitment.section}.`,
        );
      return {
        id: commitmentId(commitment.reference),
        planId: plan.id,
        sectionId,
        reference: commitment.reference,
        title: commitment.title,
        description: commitment.description,
        ownerOrganisationId: commitment.owner,
        ownerMemberId: commitment.ownerEmail ? memberIds.get(commitment.ownerEmail) : undefined,
        needAreas: commitment.needAreas,
        phase: commitment.phase,
        supportLayer: commitment.supportLayer,
        progress: commitment.progress,
        rating: commitment.rating,
        leadOfficer: commitment.leadOfficer,
        startDate: commitment.start ? date(commitment.start) : undefined,
        dueDate: commitment.due ? date(commitment.due) : undefined,
      };
    }),
    skipDuplicates: true,
  });
  await prisma.budgetLine.createMany({
    data: missing.flatMap((commitment) =>
      (commitment.budgetLines ?? []).map((line, index) => ({
        id: `${commitmentId(commitment.reference)}.budget-${index + 1}`,
        planId: plan.id,
        commitmentId: commitmentId(commitment.reference),
        ...line,
      })),
    ),
    skipDuplicates: true,
  });
  await prisma.commitmentStandard.createMany({
    data: missing.flatMap((commitment) =>
      commitment.standards.map((code) => {
        const standardAreaId = areaIds.get(code);
        if (!standardAreaId)
          throw new Error(`Demo commitment ${commitment.reference} maps unknown area ${code}.`);
        return { commitmentId: commitmentId(commitment.reference), standardAreaId };
      }),
    ),
    skipDuplicates: true,
  });
}
