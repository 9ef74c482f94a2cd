// Demo settings directory for Northshire: a handful of invented schools and providers (URNs in the
// unused 9901xx range, local authority code 990), four of them on the demo plan's tailored list, so
// the demo shows the directory and the list. Idempotent: fixed ids, existing rows (and edits) left
// alone.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

type Client = Pick<PrismaClient, 'setting' | 'planSetting'>;

const PARTNERSHIP = 'demo-partnership-northshire';
const PLAN = 'demo-plan-northshire-lip-2026';

export const demoSettings: readonly (Prisma.SettingCreateManyInput & { onList: boolean })[] = [
  {
    id: 'demo-setting-castle-hill',
    partnershipId: PARTNERSHIP,
    urn: '990101',
    name: 'Castle Hill Primary School',
    establishmentType: 'Community school',
    phase: 'Primary',
    laCode: '990',
    postcode: 'NS8 1HA',
    status: 'Open',
    category: 'MAINSTREAM',
    needAreas: [],
    ageLow: 4,
    ageHigh: 11,
    places: 315,
    source: 'GIAS',
    onList: false,
  },
  {
    id: 'demo-setting-northshire-high',
    partnershipId: PARTNERSHIP,
    urn: '990102',
    name: 'Northshire High School',
    establishmentType: 'Academy converter',
    phase: 'Secondary',
    laCode: '990',
    postcode: 'NS8 2HB',
    status: 'Open',
    category: 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
    needAreas: ['CI'],
    ageLow: 11,
    ageHigh: 16,
    places: 20,
    source: 'GIAS',
    pluginFields: { education: { resourcedProvisionPlaces: 20 } },
    onList: true,
  },
  {
    id: 'demo-setting-oakwood',
    partnershipId: PARTNERSHIP,
    urn: '990103',
    name: 'Oakwood Academy',
    establishmentType: 'Academy special converter',
    phase: 'Not applicable',
    laCode: '990',
    postcode: 'NS9 3OA',
    status: 'Open',
    category: 'SPECIAL',
    needAreas: ['CL', 'SP'],
    ageLow: 3,
    ageHigh: 19,
    places: 180,
    source: 'GIAS',
    onList: true,
  },
  {
    id: 'demo-setting-meadowbank',
    partnershipId: PARTNERSHIP,
    urn: null,
    name: 'Meadowbank School',
    establishmentType: 'Independent special school',
    phase: null,
    laCode: null,
    postcode: 'NS9 4MB',
    status: 'Open',
    category: 'INDEPENDENT_SPECIAL',
    needAreas: ['CI', 'SEMH'],
    ageLow: 7,
    ageHigh: 18,
    places: 36,
    source: 'MANUAL',
    onList: true,
  },
  {
    id: 'demo-setting-the-bridge',
    partnershipId: PARTNERSHIP,
    urn: '990105',
    name: 'The Bridge Pupil Referral Unit',
    establishmentType: 'Pupil referral unit',
    phase: 'Not applicable',
    laCode: '990',
    postcode: 'NS7 5TB',
    status: 'Open',
    category: 'ALTERNATIVE_PROVISION',
    needAreas: ['SEMH'],
    ageLow: 11,
    ageHigh: 16,
    places: 48,
    source: 'GIAS',
    pluginFields: { 'alternative-provision': { tier: 'TIER_2' } },
    onList: true,
  },
];

export async function seedDemoSettings(db: Client): Promise<void> {
  await db.setting.createMany({
    data: demoSettings.map(({ onList: _onList, ...setting }) => setting),
    skipDuplicates: true,
  });
  await db.planSetting.createMany({
    data: demoSettings
      .filter((s) => s.onList)
      .map((s) => ({ planId: PLAN, settingId: s.id as string })),
    skipDuplicates: true,
  });
}
