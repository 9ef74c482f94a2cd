import type { PrismaClient } from '../generated/prisma/client.ts';
import type { MemberRole } from '../generated/prisma/enums.ts';
import { hashPassword } from '../password.ts';
import { seedCatalogue } from './catalogue-seed.ts';
import { demoPartnerships, type PartnershipSeed } from './demo-data.ts';

/** The password of every demo account. Demo mode only: never seed demo data in production. */
export const DEMO_PASSWORD = 'lip-demo-2026';

export interface DemoAccount {
  email: string;
  name: string;
  /** Partnership slug. */
  partnership: string;
  /** Role held in that partnership, e.g. 'SECTION_EDITOR'. */
  role: MemberRole;
  organisation: string;
  /** What the account can do, e.g. "Section editor (NHS Northshire ICB): edits the health section only". */
  description: string;
}

/** The demo accounts (all with DEMO_PASSWORD), so the server can print them on start. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = demoPartnerships.flatMap((partnership) =>
  partnership.users.map((user) => ({
    email: user.email,
    name: user.name,
    partnership: partnership.slug,
    role: user.roles[0] ?? 'VIEWER',
    organisation: partnership.organisations.find((organisation) => organisation.id === user.organisationId)?.name ?? '',
    description: user.description,
  })),
);

let demoHash: Promise<string> | undefined;
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

const date = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Demo data: Northshire (five organisations, seven accounts, a draft local inclusion plan of about
 * 40 commitments) and Southvale (its own council, ICB, forum, lead and small draft), for isolation.
 * Idempotent: creates what is missing and leaves existing rows (and anyone's edits) alone.
 * Seeds the catalogue first if it is absent.
 */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
  if (!(await prisma.standardsFramework.findUnique({ where: { id: 'lip-working-2026' } }))) {
    await seedCatalogue(prisma);
  }
  const passwordHash = await demoPasswordHash();
  for (const partnership of demoPartnerships) await seedPartnership(prisma, partnership, passwordHash);
}

async function seedPartnership(prisma: PrismaClient, seed: PartnershipSeed, passwordHash: string): Promise<void> {
  const partnership = await prisma.partnership.upsert({
    where: { slug: seed.slug },
    create: {
      id: seed.id,
      slug: seed.slug,
      name: seed.name,
      localAuthorityCodes: seed.localAuthorityCodes,
      region: seed.region,
    },
    update: {},
  });
  for (const organisation of seed.organisations) {
    await prisma.organisation.upsert({
      where: { id: organisation.id },
      create: { id: organisation.id, name: organisation.name, typeCode: organisation.typeCode },
      update: {},
    });
    await prisma.partnershipOrganisation.upsert({
      where: { partnershipId_organisationId: { partnershipId: partnership.id, organisationId: organisation.id } },
      create: { partnershipId: partnership.id, organisationId: organisation.id, isSignatory: organisation.isSignatory },
      update: {},
    });
  }
  const memberIds = new Map<string, string>();
  for (const person of seed.users) {
    const user = await prisma.user.upsert({
      where: { email: person.email },
      create: { email: person.email, name: person.name, passwordHash },
      update: {},
    });
    const member = await prisma.member.upsert({
      where: { partnershipId_userId: { partnershipId: partnership.id, userId: user.id } },
      create: {
        partnershipId: partnership.id,
        userId: user.id,
        organisationId: person.organisationId,
        roles: person.roles,
        jobTitle: person.jobTitle,
      },
      update: {},
    });
    memberIds.set(person.email, member.id);
  }

  const planSeed = seed.plan;
  const plan = await prisma.plan.upsert({
    where: { id: planSeed.id },
    create: {
      id: planSeed.id,
      partnershipId: partnership.id,
      kindId: planSeed.kindId,
      frameworkId: planSeed.frameworkId,
      title: planSeed.title,
      periodStart: date(planSeed.periodStart),
      periodEnd: date(planSeed.periodEnd),
      state: 'DRAFT',
    },
    update: {},
  });
  const sectionIds = new Map<string, string>();
  for (const section of planSeed.sections) {
    const row = await prisma.section.upsert({
      where: { planId_key: { planId: plan.id, key: section.key } },
      create: {
        planId: plan.id,
        key: section.key,
        pluginId: section.key,
        ownerOrganisationId: section.ownerOrganisationId,
        status: section.status,
        summary: section.summary,
        data: {},
      },
      update: {},
    });
    sectionIds.set(section.key, row.id);
  }
  const areas = await prisma.standardArea.findMany({ where: { frameworkId: planSeed.frameworkId } });
  const areaIds = new Map(areas.map((area) => [area.code, area.id]));
  const existing = new Set(
    (await prisma.commitment.findMany({ where: { planId: plan.id }, select: { reference: true } })).map(
      (commitment) => commitment.reference,
    ),
  );
  for (const commitment of planSeed.commitments) {
    if (existing.has(commitment.reference)) continue;
    const sectionId = sectionIds.get(commitment.section);
    if (!sectionId) throw new Error(`Demo commitment ${commitment.reference} names a missing section ${commitment.section}.`);
    await prisma.commitment.create({
      data: {
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
        ragStatus: commitment.rag,
        startDate: commitment.start ? date(commitment.start) : undefined,
        dueDate: commitment.due ? date(commitment.due) : undefined,
        budgetLine: commitment.budgetLine,
        budgetAmount: commitment.budgetAmount,
        standards: {
          create: commitment.standards.map((code) => {
            const standardAreaId = areaIds.get(code);
            if (!standardAreaId) throw new Error(`Demo commitment ${commitment.reference} maps unknown area ${code}.`);
            return { standardAreaId };
          }),
        },
      },
    });
  }
}
