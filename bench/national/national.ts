// The national picture, generated into a database the project has migrated and seeded with its
// catalogue: one partnership per upper-tier local authority in England (local-authorities.json),
// each with a plan of N commitments over the four sections, five versions taken through the real
// workflow (submitPlan, recordSignOff, publishPlan, startRevision through the GraphQL core, so the
// snapshots are the workflow's own), metric targets, and five years of figures for its local
// authority, its region and England on every annual national metric. Deterministic: the same
// options give the same content (ids, text, figures); only timestamps differ between runs.
// Used by generate.ts (the command) and the generator's smoke test (apps/web/test).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database, Prisma } from '../../packages/db/src/index.ts';
import { createCore, type Core } from '../../packages/core/src/create-core.ts';
import { hashToken } from '../../packages/core/src/context.ts';
import { encodeGlobalId } from '../../packages/core/src/ids.ts';
import { regionCode, ENGLAND_CODE } from '../../packages/core/src/metrics/geography.ts';
import { runPluginSeeds } from '../../packages/core/src/plugin-host/seed.ts';
import type { LipPlugin } from '../../packages/core/src/plugin-host/types.ts';
import education from '../../plugins/education/src/server/index.ts';
import { northshireEducation } from '../../plugins/education/src/server/seed-content.ts';
import health from '../../plugins/health/src/server/index.ts';
import { northshireHealth } from '../../plugins/health/src/server/seed-data.ts';
import care from '../../plugins/care/src/server/index.ts';
import { northshireCare } from '../../plugins/care/src/server/seed-content.ts';
import alternativeProvision from '../../plugins/alternative-provision/src/server/index.ts';
import { NORTHSHIRE_AP } from '../../plugins/alternative-provision/src/server/seed-data.ts';
import { seededText } from '../seeded.ts';

export const PLUGINS: readonly LipPlugin[] = [education, health, care, alternativeProvision];

export interface LocalAuthority {
  code: string;
  name: string;
  region: string;
  icbCode: string;
  icbOdsCode: string;
  icbName: string;
}

export function localAuthorities(): LocalAuthority[] {
  const file = JSON.parse(
    readFileSync(new URL('./local-authorities.json', import.meta.url), 'utf8'),
  ) as { localAuthorities: LocalAuthority[] };
  return file.localAuthorities;
}

export interface NationalOptions {
  /** How many partnerships (the first N local authorities by code); default all 153. */
  partnerships?: number;
  /** Commitments per plan, over the four sections; default 400. */
  commitments?: number;
  /** Published versions per plan; default 5. */
  versions?: number;
  /** Years of figures per metric and geography; default 5. */
  years?: number;
  /** Partnerships taken through the workflow at once; default 3. */
  concurrency?: number;
  /** Progress lines; default none. */
  log?: (line: string) => void;
}

export interface NationalResult {
  partnerships: number;
  commitments: number;
  versions: number;
  observations: number;
  seconds: { content: number; workflow: number };
}

const SECTION_PREFIX: Record<string, string> = {
  education: 'ED',
  health: 'HLT',
  care: 'CARE',
  'alternative-provision': 'AP',
};

/** Annual national metrics (figures per local authority, region and England). */
const ANNUAL = new Set([
  'ACADEMIC_YEAR',
  'CALENDAR_YEAR',
  'FINANCIAL_YEAR',
  'JANUARY_SNAPSHOT',
  'MARCH_SNAPSHOT',
]);
const TARGET_METRICS = ['EHC-01', 'EHC-03', 'TRB-01', 'ABS-02', 'PFA-01', 'EXC-01', 'ATT-01'];

/** The last `years` periods of a metric's period type, oldest first, ending with 2024 (2023/24). */
function periods(type: string, years: number): string[] {
  return Array.from({ length: years }, (_, i) => {
    const start = 2024 - years + i; // academic and financial years start the year before
    switch (type) {
      case 'ACADEMIC_YEAR':
        return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
      case 'FINANCIAL_YEAR':
        return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
      default:
        return String(start + 1);
    }
  });
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The demo partnership's section content, made this local authority's and made complete. */
function sectionContent(la: LocalAuthority): Record<string, Record<string, unknown>> {
  const local = <T>(value: T): T =>
    JSON.parse(
      JSON.stringify(value)
        .replaceAll('Northshire', la.name)
        .replaceAll('northshire', slugOf(la.name)),
    ) as T;
  const educationData = local(northshireEducation) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  educationData.oapPost16 = {
    ...educationData.oapPost16,
    url: `https://www.${slugOf(la.name)}.example/local-offer/oap/post-16`,
  };
  return {
    education: educationData,
    health: { ...local(northshireHealth), dcoName: 'Dr Sam Patel, Designated Clinical Officer' },
    care: local(northshireCare(new Date('2026-06-01'))) as unknown as Record<string, unknown>,
    // The outcomes' targets are the plan's APO metric targets (written with the other targets).
    'alternative-provision': local(NORTHSHIRE_AP),
  };
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

interface Team {
  la: LocalAuthority;
  partnershipId: string;
  planId: string;
  councilId: string;
  icbId: string;
  forumId: string;
  tokens: { lead: string; icb: string; forum: string };
}

/** Writes the partnerships, their people and their plans' content with batched inserts. */
async function writeContent(
  db: Database,
  las: LocalAuthority[],
  options: Required<Omit<NationalOptions, 'log' | 'concurrency'>>,
): Promise<{ teams: Team[]; commitments: number; observations: number }> {
  const prisma = db.prisma;
  const { next, pick, sentence } = seededText(20261208);
  const framework = 'lip-working-2026';
  const areas = await prisma.standardArea.findMany({
    where: { frameworkId: framework },
    orderBy: { position: 'asc' },
  });
  const metrics = (await prisma.metric.findMany({ where: { partnershipId: null } })).filter((m) =>
    ANNUAL.has(m.periodType),
  );
  const sectionKeys = ['education', 'health', 'care', 'alternative-provision'];
  const pluginOf = new Map(
    PLUGINS.flatMap((p) => (p.sections ?? []).map((s) => [s.key, p.id] as const)),
  );

  const icbs = new Map(las.map((la) => [la.icbCode, la]));
  await prisma.organisation.createMany({
    data: [...icbs.values()].map((la) => ({
      id: `nat-icb-${la.icbCode}`,
      name: la.icbName,
      typeCode: 'integrated-care-board',
      odsCode: la.icbOdsCode,
    })),
  });
  const teams: Team[] = las.map((la) => ({
    la,
    partnershipId: `nat-p-${la.code}`,
    planId: `nat-plan-${la.code}`,
    councilId: `nat-la-${la.code}`,
    icbId: `nat-icb-${la.icbCode}`,
    forumId: `nat-pcf-${la.code}`,
    tokens: {
      lead: randomBytes(24).toString('base64url'),
      icb: randomBytes(24).toString('base64url'),
      forum: randomBytes(24).toString('base64url'),
    },
  }));
  await prisma.organisation.createMany({
    data: teams.flatMap((t) => [
      {
        id: t.councilId,
        name: `${t.la.name} Council`,
        typeCode: 'local-authority-education',
      },
      {
        id: t.forumId,
        name: `${t.la.name} Parent Carer Forum`,
        typeCode: 'parent-carer-forum',
      },
    ]),
  });
  const now = new Date();
  await prisma.partnership.createMany({
    data: teams.map((t) => ({
      id: t.partnershipId,
      slug: slugOf(t.la.name),
      name: `${t.la.name} SEND and AP Partnership`,
      localAuthorityCodes: [t.la.code],
      region: t.la.region,
      icbCode: t.la.icbCode,
      smallNumberThreshold: 5,
      roundingBase: 5,
      disclosureRuleSetAt: now,
    })),
  });
  await prisma.partnershipOrganisation.createMany({
    data: teams.flatMap((t) => [
      { partnershipId: t.partnershipId, organisationId: t.councilId, isSignatory: true },
      { partnershipId: t.partnershipId, organisationId: t.icbId, isSignatory: true },
      { partnershipId: t.partnershipId, organisationId: t.forumId, isSignatory: false },
    ]),
  });
  const people = teams.flatMap((t) => {
    const slug = slugOf(t.la.name);
    return [
      {
        key: 'lead' as const,
        t,
        email: `lead@${slug}.example`,
        name: `Lead of ${t.la.name}`,
        org: t.councilId,
        roles: ['PARTNERSHIP_LEAD', 'SIGNATORY'] as const,
      },
      {
        key: 'icb' as const,
        t,
        email: `icb@${slug}.example`,
        name: `Designated Clinical Officer, ${t.la.name}`,
        org: t.icbId,
        roles: ['SECTION_EDITOR', 'SIGNATORY'] as const,
      },
      {
        key: 'forum' as const,
        t,
        email: `forum@${slug}.example`,
        name: `Chair, ${t.la.name} Parent Carer Forum`,
        org: t.forumId,
        roles: ['SIGNATORY'] as const,
      },
    ];
  });
  await prisma.user.createMany({
    data: people.map((p) => ({
      id: `nat-u-${p.t.la.code}-${p.key}`,
      email: p.email,
      name: p.name,
    })),
  });
  await prisma.member.createMany({
    data: people.map((p) => ({
      partnershipId: p.t.partnershipId,
      organisationId: p.org,
      userId: `nat-u-${p.t.la.code}-${p.key}`,
      roles: [...p.roles],
    })),
  });
  const expiresAt = new Date(Date.now() + 24 * 3600 * 1000);
  await prisma.session.createMany({
    data: people.map((p) => ({
      id: hashToken(p.t.tokens[p.key]),
      userId: `nat-u-${p.t.la.code}-${p.key}`,
      expiresAt,
    })),
  });

  await prisma.plan.createMany({
    data: teams.map((t) => ({
      id: t.planId,
      partnershipId: t.partnershipId,
      kindId: 'local-inclusion-plan',
      frameworkId: framework,
      title: `${t.la.name} Local Inclusion Plan 2026 to 2029`,
      slug: '2026-29',
      periodStart: new Date('2026-09-01'),
      periodEnd: new Date('2029-08-31'),
    })),
  });
  await prisma.section.createMany({
    data: teams.flatMap((t) => {
      const content = sectionContent(t.la);
      return sectionKeys.map((key) => ({
        id: `nat-s-${t.la.code}-${key}`,
        planId: t.planId,
        key,
        pluginId: pluginOf.get(key) ?? key,
        ownerOrganisationId: key === 'health' ? t.icbId : t.councilId,
        status: 'COMPLETE' as const,
        summary: [sentence(15, 40), sentence(15, 40)].join('\n\n'),
        data: { [pluginOf.get(key) ?? key]: content[key] } as Prisma.InputJsonObject,
      }));
    }),
  });

  const progress = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'] as const;
  const ratings = [null, 'RED', 'AMBER', 'GREEN'] as const;
  let commitments = 0;
  for (const t of teams) {
    const rows = Array.from({ length: options.commitments }, (_, i) => {
      const key = sectionKeys[i % sectionKeys.length]!;
      const n = Math.floor(i / sectionKeys.length) + 1;
      return {
        id: `nat-c-${t.la.code}-${i}`,
        planId: t.planId,
        sectionId: `nat-s-${t.la.code}-${key}`,
        reference: `${SECTION_PREFIX[key]}-${String(n).padStart(3, '0')}`,
        title: sentence(6, 14).replace(/\.$/, ''),
        description: sentence(20, 50),
        ownerOrganisationId: key === 'health' ? t.icbId : t.councilId,
        needAreas: [pick(['CI', 'CL', 'SEMH', 'SP'])],
        phase: pick(['EARLY_YEARS', 'PRIMARY', 'SECONDARY', 'POST_16', 'ALL_AGES'] as const),
        progress: pick(progress),
        rating: pick(ratings),
        leadOfficer: `Service lead ${n}`,
        startDate: new Date(`2026-${String((i % 12) + 1).padStart(2, '0')}-01`),
        dueDate: new Date(`2028-${String((i % 12) + 1).padStart(2, '0')}-28`),
      };
    });
    await inBatches(rows, 2000, (batch) => prisma.commitment.createMany({ data: batch }));
    // Each commitment meets two standard areas, in turn within its section, so that every section
    // meets every area once it has as many commitments as there are areas.
    await inBatches(
      rows.flatMap((row, i) => {
        const n = Math.floor(i / sectionKeys.length);
        return [
          { commitmentId: row.id, standardAreaId: areas[n % areas.length]!.id },
          { commitmentId: row.id, standardAreaId: areas[(n + 5) % areas.length]!.id },
        ];
      }),
      5000,
      (batch) => prisma.commitmentStandard.createMany({ data: batch }),
    );
    await inBatches(
      rows.map((row, i) => ({
        id: `nat-m-${t.la.code}-${i}`,
        commitmentId: row.id,
        title: sentence(4, 9).replace(/\.$/, ''),
        dueDate: new Date(`2027-${String((i % 12) + 1).padStart(2, '0')}-15`),
        completedOn:
          i % 3 === 0 ? new Date(`2026-${String((i % 12) + 1).padStart(2, '0')}-10`) : null,
      })),
      5000,
      (batch) => prisma.milestone.createMany({ data: batch }),
    );
    commitments += rows.length;
  }

  // Five years of figures per annual national metric for each partnership's local authority, its
  // region and England (held per partnership, as imports hold them).
  const regional = new Map<string, number>();
  let observations = 0;
  const base = (metricIndex: number) => 20 + ((metricIndex * 37) % 60);
  for (const t of teams) {
    const region = regionCode(t.la.region)!;
    const rows: Prisma.MetricObservationCreateManyInput[] = [];
    metrics.forEach((metric, m) => {
      periods(metric.periodType, options.years).forEach((period, y) => {
        const drift = y * 0.6;
        const key = `${metric.id}|${region}|${period}`;
        if (!regional.has(key)) regional.set(key, base(m) + drift + (next() - 0.5) * 4);
        for (const [level, code, value] of [
          ['LOCAL_AUTHORITY', t.la.code, base(m) + drift + (next() - 0.5) * 20],
          ['REGION', region, regional.get(key)!],
          ['ENGLAND', ENGLAND_CODE, base(m) + drift],
        ] as const) {
          rows.push({
            id: `nat-o-${t.la.code}-${metric.id}-${level}-${period}`,
            partnershipId: t.partnershipId,
            metricId: metric.id,
            geographyLevel: level,
            geographyCode: code,
            period,
            value: Math.round(Math.max(0, value) * 10) / 10,
            release: 'Generated for the national benchmark',
          });
        }
      });
    });
    await inBatches(rows, 5000, (batch) => prisma.metricObservation.createMany({ data: batch }));
    observations += rows.length;
    const targets = metrics.filter((m) => TARGET_METRICS.includes(m.id));
    await prisma.metricTarget.createMany({
      data: targets.map((metric, i) => {
        const years = periods(metric.periodType, options.years);
        return {
          id: `nat-t-${t.la.code}-${metric.id}`,
          planId: t.planId,
          metricId: metric.id,
          commitmentId: `nat-c-${t.la.code}-${(i * 4) % options.commitments}`,
          baselineValue: base(metrics.indexOf(metric)),
          baselinePeriod: years[0]!,
          targetValue:
            base(metrics.indexOf(metric)) + (metric.polarity === 'LOWER_BETTER' ? -5 : 5),
          targetPeriod: years[years.length - 1]!,
          ownerOrganisationId: t.councilId,
          commentary:
            'Reviewed at the partnership board each term: recovery actions are in the plan.',
          commentaryById: `nat-u-${t.la.code}-lead`,
          commentaryAt: now,
        };
      }),
    });
    // The AP outcomes' targets (the demo's, and 80 where the demo has none yet).
    const apoKeys = ['apo1', 'apo2', 'apo3', 'apo4', 'apo5'] as const;
    await prisma.metricTarget.createMany({
      data: apoKeys.map((key, i) => ({
        id: `nat-t-${t.la.code}-APO-${i + 1}`,
        planId: t.planId,
        metricId: `APO-${i + 1}`,
        targetValue: NORTHSHIRE_AP[key].target ?? 80,
        targetPeriod: periods('ACADEMIC_YEAR', 1)[0]!,
        ownerOrganisationId: t.councilId,
        commentary:
          'Reviewed with the AP providers each term: the recovery plan is in the section.',
        commentaryById: `nat-u-${t.la.code}-lead`,
        commentaryAt: now,
      })),
    });
  }
  return { teams, commitments, observations };
}

type Outcome = { __typename: string; message?: string; blockers?: { message: string }[] };

async function run(core: Core, token: string, document: string, input: Record<string, unknown>) {
  const result = await core.execute<{ result: Outcome }>({
    document,
    variables: { input },
    context: await core.contextForSession(token),
  });
  const outcome = result.data?.result;
  if (!outcome || !outcome.__typename.endsWith('Success'))
    throw new Error(
      `${document.match(/result: (\w+)/)?.[1]}: ${JSON.stringify(outcome ?? result.errors)}`,
    );
}

const OUTCOME = `__typename ... on Error { message }`;
const SUBMIT = `mutation($input: SubmitPlanInput!) { result: submitPlan(input: $input) { ${OUTCOME} ... on SubmissionBlockedError { blockers { message } } } }`;
const SIGN = `mutation($input: RecordSignOffInput!) { result: recordSignOff(input: $input) { ${OUTCOME} } }`;
const PUBLISH = `mutation($input: PublishPlanInput!) { result: publishPlan(input: $input) { ${OUTCOME} } }`;
const REVISE = `mutation($input: StartRevisionInput!) { result: startRevision(input: $input) { ${OUTCOME} } }`;

/** Takes one plan through `versions` rounds of submit, sign-off, publish (and revise between). */
async function publishVersions(core: Core, db: Database, team: Team, versions: number) {
  const planId = encodeGlobalId('Plan', team.planId);
  const org = (id: string) => encodeGlobalId('Organisation', id);
  for (let v = 1; v <= versions; v++) {
    await run(core, team.tokens.lead, SUBMIT, {
      planId,
      note: `Version ${v} for partner review`,
      confirmPersonalDataChecked: true,
    });
    const decidedOn = `2026-${String(((v * 2) % 12) + 1).padStart(2, '0')}-15`;
    await run(core, team.tokens.lead, SIGN, {
      planId,
      organisationId: org(team.councilId),
      decision: 'APPROVED',
      decidedOn,
      forum: 'Cabinet',
      signatoryName: `Leader of ${team.la.name} Council`,
      signatoryRole: 'Council leader',
      versionNumber: v,
    });
    await run(core, team.tokens.icb, SIGN, {
      planId,
      organisationId: org(team.icbId),
      decision: 'APPROVED',
      decidedOn,
      forum: 'ICB board',
      signatoryName: 'Chief Executive',
      signatoryRole: 'ICB chief executive',
      versionNumber: v,
    });
    await run(core, team.tokens.forum, SIGN, {
      planId,
      organisationId: org(team.forumId),
      decision: 'ACKNOWLEDGED',
      decidedOn,
      forum: 'Forum steering group',
      signatoryName: `Chair, ${team.la.name} Parent Carer Forum`,
      signatoryRole: 'Forum chair',
      versionNumber: v,
    });
    await run(core, team.tokens.lead, PUBLISH, { planId, confirmed: true });
    if (v === versions) break;
    await run(core, team.tokens.lead, REVISE, { planId });
    // The revision moves delivery on: a fifth of the commitments change progress and rating.
    await db.prisma.$executeRaw`
      UPDATE "Commitment" SET
        progress = (CASE WHEN progress = 'NOT_STARTED' THEN 'IN_PROGRESS' ELSE 'COMPLETE' END)::"CommitmentProgress",
        rating = 'GREEN'::"DeliveryRating", version = version + 1
      WHERE "planId" = ${team.planId}
        AND mod(CAST(split_part(id, '-', 4) AS integer), 5) = ${v - 1}`;
  }
}

/** Generates the national picture into `db` (migrated, catalogue seeded, otherwise empty). */
export async function generateNational(
  db: Database,
  options: NationalOptions = {},
): Promise<NationalResult> {
  const log = options.log ?? (() => {});
  const settings = {
    partnerships: options.partnerships ?? 153,
    commitments: options.commitments ?? 400,
    versions: options.versions ?? 5,
    years: options.years ?? 5,
  };
  const las = localAuthorities()
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, settings.partnerships);
  const started = performance.now();
  await runPluginSeeds(db, PLUGINS, { demo: false });
  const { teams, commitments, observations } = await writeContent(db, las, settings);
  const content = (performance.now() - started) / 1000;
  log(
    `content: ${teams.length} partnerships, ${commitments} commitments, ${observations} observations in ${content.toFixed(1)} s`,
  );

  const core = createCore({
    db,
    plugins: PLUGINS,
    jobs: { lazy: true },
    onError: (error) => console.error(error),
  });
  const workflowStarted = performance.now();
  try {
    let done = 0;
    const queue = [...teams];
    const worker = async () => {
      for (let team = queue.shift(); team; team = queue.shift()) {
        await publishVersions(core, db, team, settings.versions);
        done++;
        if (done % 10 === 0 || done === teams.length)
          log(
            `workflow: ${done}/${teams.length} partnerships published ${settings.versions} times (${((performance.now() - workflowStarted) / 1000).toFixed(0)} s)`,
          );
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 3 }, worker));
  } finally {
    await core.jobs.stop();
    core.mailer.stop();
    await core.close();
  }
  return {
    partnerships: teams.length,
    commitments,
    versions: teams.length * settings.versions,
    observations,
    seconds: { content, workflow: (performance.now() - workflowStarted) / 1000 },
  };
}
