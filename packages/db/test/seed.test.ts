import { describe, expect, it } from 'vitest';
import { metrics } from '../src/seed/catalogue.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedCatalogue, seedDemo } from '../src/seed/index.ts';
import { hashPassword, verifyPassword } from '../src/password.ts';
import { createTestDatabase } from '../src/testing.ts';

describe('seedCatalogue', () => {
  it('seeds the whole catalogue, idempotently', async () => {
    const db = await createTestDatabase();
    try {
      await seedCatalogue(db.prisma);
      await seedCatalogue(db.prisma);
      const { prisma } = db;
      expect(await prisma.standardsFramework.count()).toBe(2);
      expect(await prisma.standardArea.count({ where: { frameworkId: 'gp-2022' } })).toBe(5);
      expect(await prisma.standardArea.count({ where: { frameworkId: 'lip-working-2026' } })).toBe(
        12,
      );
      expect(await prisma.planKind.count()).toBe(6);
      expect(await prisma.organisationType.count()).toBe(15);
      expect(await prisma.metric.count()).toBe(metrics.length);
      expect(metrics.length).toBe(58);
      const sa08 = await prisma.standardArea.findUniqueOrThrow({
        where: { frameworkId_code: { frameworkId: 'lip-working-2026', code: 'SA-08' } },
      });
      expect(sa08.correspondsTo).toEqual(['GP-1', 'GP-2']);
      expect(sa08.position).toBe(8);
      const icb = await prisma.organisationType.findUniqueOrThrow({
        where: { code: 'integrated-care-board' },
      });
      expect(icb.title).toBe('Integrated care board (ICB)');
      const ehc = await prisma.metric.findUniqueOrThrow({ where: { id: 'EHC-01' } });
      expect(ehc).toMatchObject({
        polarity: 'HIGHER_BETTER',
        periodType: 'CALENDAR_YEAR',
        status: 'CONFIRMED',
        decimals: 1,
        indicators: ['no_exc_20week_rate'],
      });
      // As DfE publishes them (docs/metrics.md).
      const byId = async (id: string) => prisma.metric.findUniqueOrThrow({ where: { id } });
      expect(await byId('SEN-01')).toMatchObject({ periodType: 'ACADEMIC_YEAR', decimals: 1 });
      expect(await byId('SEN-02')).toMatchObject({ periodType: 'ACADEMIC_YEAR' });
      expect((await byId('EHC-04')).denominator).toMatch(/made in the calendar year/);
      expect(await byId('EHC-06')).toMatchObject({ polarity: 'CONTEXT' });
      expect(await byId('EHC-07')).toMatchObject({ unit: 'count', decimals: 0 });
      expect(await byId('EHC-08')).toMatchObject({ indicators: ['discontinued_total'] });
      expect(await byId('TRB-01')).toMatchObject({ decimals: 2 });
    } finally {
      await db.close();
    }
  });
});

describe('seedDemo', () => {
  it('seeds Northshire and Southvale, idempotently', async () => {
    const db = await createTestDatabase({ seed: 'demo' });
    try {
      const { prisma } = db;
      await seedDemo(prisma);
      const northshire = await prisma.partnership.findUniqueOrThrow({
        where: { slug: 'northshire' },
        include: { organisations: true, members: { include: { user: true } }, plans: true },
      });
      expect(northshire.organisations).toHaveLength(5);
      expect(northshire.members).toHaveLength(8);
      expect(northshire.plans).toHaveLength(1);
      const plan = northshire.plans[0];
      expect(plan).toMatchObject({
        state: 'DRAFT',
        kindId: 'local-inclusion-plan',
        frameworkId: 'lip-working-2026',
      });
      expect(plan?.periodStart.toISOString().slice(0, 10)).toBe('2026-09-01');
      const sections = await prisma.section.findMany({
        where: { planId: plan?.id },
        orderBy: { key: 'asc' },
      });
      expect(sections.map((section) => section.key)).toEqual([
        'alternative-provision',
        'care',
        'education',
        'health',
      ]);
      expect(sections.find((section) => section.key === 'health')?.data).toEqual({});
      const commitments = await prisma.commitment.findMany({
        where: { planId: plan?.id },
        include: { standards: { include: { standardArea: true } }, section: true },
      });
      expect(commitments.length).toBeGreaterThanOrEqual(35);
      for (const commitment of commitments) {
        expect(commitment.standards.length).toBeGreaterThanOrEqual(1);
        expect(commitment.standards.length).toBeLessThanOrEqual(3);
        expect(
          commitment.standards.every(
            (link) => link.standardArea.frameworkId === 'lip-working-2026',
          ),
        ).toBe(true);
        expect(commitment.reference.slice(0, 2)).toBe(
          { education: 'ED', health: 'HE', care: 'CA', 'alternative-provision': 'AP' }[
            commitment.section.key
          ],
        );
      }
      const icbLead = northshire.members.find(
        (member) => member.user.email === 'icb@northshire.example',
      );
      expect(icbLead).toMatchObject({
        roles: ['SECTION_EDITOR', 'SIGNATORY'],
        organisationId: 'demo-org-nhs-northshire-icb',
      });

      const southvale = await prisma.partnership.findUniqueOrThrow({
        where: { slug: 'southvale' },
        include: { plans: { include: { commitments: true } }, members: true },
      });
      expect(southvale.members).toHaveLength(1);
      expect(southvale.plans[0]?.commitments.length).toBeGreaterThan(0);

      expect(await prisma.user.count()).toBe(DEMO_ACCOUNTS.length);
      const admin = await prisma.user.findUniqueOrThrow({
        where: { email: 'admin@service.example' },
        include: { memberships: true },
      });
      expect(admin).toMatchObject({ isSystemAdmin: true, memberships: [] });
      expect(await verifyPassword(admin.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      expect(await prisma.user.count({ where: { isSystemAdmin: true } })).toBe(1);
      const lead = await prisma.user.findUniqueOrThrow({
        where: { email: 'lead@southvale.example' },
      });
      expect(await verifyPassword(lead.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(lead.passwordHash ?? '', 'wrong')).toBe(false);
      const overseer = await prisma.user.findUniqueOrThrow({
        where: { email: 'oversight@dfe.example' },
        include: { memberships: true, oversight: true },
      });
      expect(overseer).toMatchObject({
        isSystemAdmin: false,
        memberships: [],
        oversight: { name: 'DfE North West region', region: 'North West', grantedById: admin.id },
      });
    } finally {
      await db.close();
    }
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await verifyPassword(hash, 'wrong')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
