// The education section through the API, as any client sees it: the permission boundary for every
// demo role, readiness before and after filling fields, validation messages, version conflicts,
// the metric pack, standards suggestions and the seed.
import { runPluginSeeds } from '@lip/plugin-sdk';
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import education from '../src/server/index.ts';
import { educationMetricIds } from '../src/readiness.ts';

const FIELDS = /* GraphQL */ `
  oapEarlyYears { url summary } oapPrimary { url summary } oapSecondary { url summary } oapPost16 { url summary }
  senSupportSummary ehcTimelinessSummary ehcTimelinessTarget ehcQualitySummary
  specialistProvision { setting kind places additionalPlanned } sufficiencySummary
  sencoCount npqSencoCount workforceSummary
  commonTransferSummary adjustmentPassportsSummary preparingForAdulthoodSummary
`;

const SECTION = /* GraphQL */ `
  query Education($planId: ID!) {
    plan(id: $planId) {
      section(key: "education") {
        key title version viewerCanEdit isReady
        readiness { id title passed message }
        education { ${FIELDS} }
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateEducationSectionInput!) {
    result: updateEducationSection(input: $input) {
      __typename
      ... on MutationUpdateEducationSectionSuccess { data { version isReady education { ${FIELDS} } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SectionConflictError { current { version education { senSupportSummary } } }
    }
  }
`;

type Fields = Record<string, unknown> & {
  oapPost16: { url: string | null; summary: string | null };
  oapSecondary: { url: string | null; summary: string | null };
  senSupportSummary: string | null;
  sencoCount: number | null;
  npqSencoCount: number | null;
  specialistProvision: {
    setting: string | null;
    kind: string | null;
    places: number | null;
    additionalPlanned: number | null;
  }[];
};

interface Readiness {
  id: string;
  title: string;
  passed: boolean;
  message: string | null;
}

interface Section {
  key: string;
  title: string;
  version: number;
  viewerCanEdit: boolean;
  isReady: boolean;
  readiness: Readiness[];
  education: Fields | null;
}

interface UpdateResult {
  result: {
    __typename: string;
    message?: string;
    data?: { version: number; isReady: boolean; education: Fields };
    fieldErrors?: { path: string[]; message: string }[];
    current?: { version: number; education: { senSupportSummary: string | null } };
  };
}

const LEAD = 'lead@northshire.example';
const EDUCATION = 'education@northshire.example';
const SOUTHVALE = 'lead@southvale.example';

let h: TestHarness;
let planId: string;

beforeAll(async () => {
  h = await createTestHarness({ plugins: [education] });
  planId = await h.planId(LEAD);
});
afterAll(() => h?.close());

async function section(email: string, plan = planId): Promise<Section | null> {
  const data = await h.runAs<{ plan: { section: Section | null } | null }>(email, SECTION, {
    planId: plan,
  });
  return data.plan?.section ?? null;
}

async function update(email: string, input: Record<string, unknown>, plan = planId) {
  return (await h.runAs<UpdateResult>(email, UPDATE, { input: { planId: plan, ...input } })).result;
}

const failing = (s: Section) =>
  Object.fromEntries(s.readiness.filter((r) => !r.passed).map((r) => [r.id, r.message]));

describe('the education section', () => {
  test('is the "Education" section at position 10 with the Northshire demo content', async () => {
    const s = (await section(LEAD))!;
    expect(s.key).toBe('education');
    expect(s.title).toBe('Education');
    expect(s.version).toBeGreaterThanOrEqual(1);
    expect(s.education!.sencoCount).toBe(312);
    expect(s.education!.specialistProvision).toHaveLength(3);
  });

  describe('permission boundary, for every demo role', () => {
    const OTHER_OWNER = 'You can only change sections that your organisation owns';
    const READ_ONLY = 'You can view this plan but you cannot change it';
    // What each demo account may do, and the message a refused edit gets.
    const roles: Record<string, 'edits' | 'not found' | typeof OTHER_OWNER | typeof READ_ONLY> = {
      'lead@northshire.example': 'edits',
      'education@northshire.example': 'edits',
      'icb@northshire.example': OTHER_OWNER,
      'care@northshire.example': OTHER_OWNER,
      'ap@northshire.example': OTHER_OWNER,
      'forum@northshire.example': READ_ONLY,
      'viewer@northshire.example': READ_ONLY,
      'lead@southvale.example': 'not found',
    };

    for (const [email, expected] of Object.entries(roles)) {
      test(`${email}: ${expected === 'edits' || expected === 'not found' ? expected : `reads, refused with “${expected}”`}`, async () => {
        const before = await section(email);
        if (expected === 'not found') {
          expect(before).toBeNull();
          const refused = await update(email, { version: 1, senSupportSummary: 'Intruder' });
          expect(refused.__typename).toBe('NotFoundError');
          return;
        }
        expect(before).not.toBeNull();
        expect(before!.education).not.toBeNull();
        expect(before!.viewerCanEdit).toBe(expected === 'edits');
        const text = `SEN support, as written by ${email}`;
        const result = await update(email, { version: before!.version, senSupportSummary: text });
        if (expected === 'edits') {
          expect(result.__typename).toBe('MutationUpdateEducationSectionSuccess');
          expect(result.data!.version).toBe(before!.version + 1);
          expect(result.data!.education.senSupportSummary).toBe(text);
        } else {
          expect(result.__typename).toBe('ForbiddenError');
          expect(result.message).toBe(expected);
          expect((await section(LEAD))!.version).toBe(before!.version);
        }
      });
    }

    test('a signed-out request sees no plan', async () => {
      const result = await h.execute<{ plan: unknown }>({
        document: SECTION,
        variables: { planId },
        context: await h.anonymous(),
      });
      expect(result.data?.plan ?? null).toBeNull();
    });
  });

  test('readiness: the demo lacks only the post-16 link; adding it makes the section ready', async () => {
    const before = (await section(EDUCATION))!;
    expect(before.readiness.map((r) => r.id)).toEqual([
      'education.oap-linked-every-phase',
      'education.oap-summarised-every-phase',
      'education.sen-support',
      'education.ehc-timeliness',
      'education.sufficiency',
      'education.senco-workforce',
      'education.transitions',
      'education.commitment-sa-02',
      'education.commitment-sa-04',
    ]);
    expect(before.isReady).toBe(false);
    expect(failing(before)).toEqual({
      'education.oap-linked-every-phase':
        'Add a link to ordinarily available provision for every phase (missing: post-16)',
    });

    const saved = await update(EDUCATION, {
      version: before.version,
      oapPost16: {
        url: 'https://www.northshire.example/local-offer/oap/post-16',
        summary: before.education!.oapPost16.summary,
      },
    });
    expect(saved.__typename).toBe('MutationUpdateEducationSectionSuccess');
    expect(saved.data!.isReady).toBe(true);
    const after = (await section(EDUCATION))!;
    expect(after.readiness.every((r) => r.passed && r.message === null)).toBe(true);
  });

  test('readiness: an empty section (Southvale) fails every field check until it is filled', async () => {
    const southvalePlan = await h.planId(SOUTHVALE);
    const before = (await section(SOUTHVALE, southvalePlan))!;
    expect(before.isReady).toBe(false);
    // Southvale has commitments mapped to SA-02 and SA-04, so only the field checks fail.
    expect(Object.keys(failing(before))).toEqual([
      'education.oap-linked-every-phase',
      'education.oap-summarised-every-phase',
      'education.sen-support',
      'education.ehc-timeliness',
      'education.sufficiency',
      'education.senco-workforce',
      'education.transitions',
    ]);
    expect(failing(before)['education.ehc-timeliness']).toBe(
      'Say how the plan will improve EHC plan timeliness',
    );

    const phase = (name: string) => ({
      url: `https://www.southvale.example/oap/${name}`,
      summary: `What ${name} settings provide.`,
    });
    const saved = await update(
      SOUTHVALE,
      {
        version: before.version,
        oapEarlyYears: phase('early-years'),
        oapPrimary: phase('primary'),
        oapSecondary: phase('secondary'),
        oapPost16: phase('post-16'),
        senSupportSummary: 'Graduated approach in every school.',
        ehcTimelinessSummary: 'Weekly tracking at weeks 6, 16 and 20.',
        ehcTimelinessTarget: 60,
        specialistProvision: [
          {
            setting: 'Southvale special school',
            kind: 'SPECIAL_SCHOOL',
            places: 180,
            additionalPlanned: 20,
          },
        ],
        sufficiencySummary: 'A place planning forecast each autumn.',
        sencoCount: 64,
        npqSencoCount: 30,
        commonTransferSummary: 'Transfer meetings in the summer term.',
        adjustmentPassportsSummary: 'With Southvale College from 2027.',
        preparingForAdulthoodSummary: 'From year 9 at every annual review.',
      },
      southvalePlan,
    );
    expect(saved.__typename).toBe('MutationUpdateEducationSectionSuccess');
    expect(saved.data!.isReady).toBe(true);
    expect(saved.data!.education.specialistProvision).toEqual([
      {
        setting: 'Southvale special school',
        kind: 'SPECIAL_SCHOOL',
        places: 180,
        additionalPlanned: 20,
      },
    ]);

    // More NPQ holders than SENCos is accepted as data but the section is no longer ready.
    const odd = await update(
      SOUTHVALE,
      { version: saved.data!.version, npqSencoCount: 65 },
      southvalePlan,
    );
    expect(odd.data!.isReady).toBe(false);
    expect(failing((await section(SOUTHVALE, southvalePlan))!)).toEqual({
      'education.senco-workforce':
        'The number of SENCos holding the NPQ cannot be more than the number of SENCos in post: check both numbers',
    });
  });

  test('bad input is refused field by field with messages that say what to fix; nothing is written', async () => {
    const { version } = (await section(EDUCATION))!;
    const invalid = await update(EDUCATION, {
      version,
      oapPrimary: { url: 'www.northshire.example/oap', summary: 'Fine' },
      ehcTimelinessTarget: 120,
      npqSencoCount: -1,
      specialistProvision: [
        { setting: 'A school', kind: 'SPECIAL_SCHOOL', places: -5, additionalPlanned: 0 },
      ],
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['oapPrimary', 'url'], message: 'Enter a real web address starting with https://' },
        { path: ['ehcTimelinessTarget'], message: 'The 20-week target must be 100 or less' },
        {
          path: ['npqSencoCount'],
          message: 'The number of SENCos holding the NPQ must be 0 or more',
        },
        {
          path: ['specialistProvision', '0', 'places'],
          message: 'Specialist setting 1: The number of places must be 0 or more',
        },
      ]),
    );
    expect((await section(EDUCATION))!.version).toBe(version);
  });

  test('a count that is not a whole number is refused by its GraphQL type (Int) before validation', async () => {
    const { version } = (await section(EDUCATION))!;
    const result = await h.execute<UpdateResult>({
      document: UPDATE,
      variables: { input: { planId, version, sencoCount: 2.5 } },
      context: await h.contextFor(EDUCATION),
    });
    expect(result.errors?.[0]?.message).toContain('Int cannot represent non-integer value: 2.5');
    expect((await section(EDUCATION))!.version).toBe(version);
  });

  test('a group changes only the fields sent: its omitted fields stay', async () => {
    const before = (await section(EDUCATION))!;
    expect(before.education!.oapSecondary.summary).not.toBeNull();
    const saved = await update(EDUCATION, {
      version: before.version,
      oapSecondary: { url: 'https://www.northshire.example/local-offer/oap/secondary-2027' },
    });
    expect(saved.data!.education.oapSecondary).toEqual({
      url: 'https://www.northshire.example/local-offer/oap/secondary-2027',
      summary: before.education!.oapSecondary.summary,
    });
    // Null clears a field of the group.
    const cleared = await update(EDUCATION, {
      version: saved.data!.version,
      oapSecondary: { summary: null },
    });
    expect(cleared.data!.education.oapSecondary.summary).toBeNull();
    expect(cleared.data!.isReady).toBe(false);
    // Put it back for the tests that follow.
    const restored = await update(EDUCATION, {
      version: cleared.data!.version,
      oapSecondary: before.education!.oapSecondary,
    });
    expect(restored.__typename).toBe('MutationUpdateEducationSectionSuccess');
  });

  test('a stale version is refused with the current section', async () => {
    const { version } = (await section(EDUCATION))!;
    const first = await update(EDUCATION, { version, senSupportSummary: 'First' });
    expect(first.__typename).toBe('MutationUpdateEducationSectionSuccess');
    const stale = await update(LEAD, { version, senSupportSummary: 'Second' });
    expect(stale.__typename).toBe('SectionConflictError');
    expect(stale.current).toEqual({
      version: version + 1,
      education: { senSupportSummary: 'First' },
    });
  });

  test('omitted fields are unchanged; null clears a field', async () => {
    const before = (await section(EDUCATION))!;
    const saved = await update(EDUCATION, { version: before.version, workforceSummary: null });
    expect(saved.data!.education.workforceSummary).toBeNull();
    expect(saved.data!.education.sencoCount).toBe(before.education!.sencoCount);
    expect(saved.data!.education.specialistProvision).toEqual(
      before.education!.specialistProvision,
    );
  });

  test('offers its metric pack and standards suggestions', async () => {
    const result = await h.execute<{
      plan: {
        section: {
          metrics: { code: string; pluginId: string | null }[];
          suggestedStandards: { code: string }[];
        };
      };
    }>({
      document: `query($planId: ID!) { plan(id: $planId) { section(key: "education") {
        metrics { code pluginId } suggestedStandards { code } } } }`,
      variables: { planId },
      context: await h.contextFor('viewer@northshire.example'),
    });
    expect(result.errors).toBeUndefined();
    const s = result.data!.plan.section;
    expect(s.metrics.map((m) => m.code)).toEqual(educationMetricIds);
    expect(s.metrics.every((m) => m.pluginId === 'education')).toBe(true);
    expect(s.suggestedStandards.map((a) => a.code)).toEqual([
      'SA-01',
      'SA-02',
      'SA-03',
      'SA-04',
      'SA-06',
      'SA-11',
      'SA-12',
    ]);
  });

  test('the seed is idempotent: running it again never overwrites what people wrote', async () => {
    const edited = await update(LEAD, {
      version: (await section(LEAD))!.version,
      senSupportSummary: 'Edited after seeding',
    });
    expect(edited.__typename).toBe('MutationUpdateEducationSectionSuccess');
    const southvalePlan = await h.planId(SOUTHVALE);
    const southvaleBefore = (await section(SOUTHVALE, southvalePlan))!;

    await runPluginSeeds(h.db, [education], { demo: true });
    await runPluginSeeds(h.db, [education], { demo: true });

    const after = (await section(LEAD))!;
    expect(after.version).toBe(edited.data!.version);
    expect(after.education!.senSupportSummary).toBe('Edited after seeding');
    // Only Northshire gets demo content.
    expect((await section(SOUTHVALE, southvalePlan))!.version).toBe(southvaleBefore.version);
  });
});

// The 20-week target is the plan's EHC-01 metric target (decision 027): one value, whichever way
// it is read or written.
describe('the 20-week target is the EHC-01 metric target', () => {
  const TARGETS = /* GraphQL */ `
    query Targets($planId: ID!) {
      plan(id: $planId) {
        metricTargets {
          id
          version
          targetValue
          targetPeriod
          metric {
            code
          }
        }
      }
    }
  `;
  const UPDATE_TARGET = /* GraphQL */ `
    mutation UpdateTarget($input: UpdateMetricTargetInput!) {
      result: updateMetricTarget(input: $input) {
        __typename
      }
    }
  `;
  interface Target {
    id: string;
    version: number;
    targetValue: string;
    targetPeriod: string;
    metric: { code: string };
  }
  const ehc01 = async (plan = planId, email = LEAD) =>
    (
      await h.runAs<{ plan: { metricTargets: Target[] } }>(email, TARGETS, { planId: plan })
    ).plan.metricTargets.filter((t) => t.metric.code === 'EHC-01');

  test('the section reads the target the dashboard rates', async () => {
    const [target] = await ehc01();
    const s = (await section(EDUCATION))!;
    expect(s.education!.ehcTimelinessTarget).toBe(Number(target!.targetValue));
  });

  test('set through the section, read through the metric; set through the metric, read through the section', async () => {
    const [before] = await ehc01();
    const s = (await section(EDUCATION))!;
    const saved = await update(EDUCATION, { version: s.version, ehcTimelinessTarget: 72 });
    expect(saved.__typename).toBe('MutationUpdateEducationSectionSuccess');
    const [after] = await ehc01();
    // The same record, its value changed and nothing else.
    expect(after).toMatchObject({
      id: before!.id,
      targetValue: '72',
      targetPeriod: before!.targetPeriod,
      version: before!.version + 1,
    });
    expect(await ehc01()).toHaveLength(1);

    const changed = await h.runAs<{ result: { __typename: string } }>(LEAD, UPDATE_TARGET, {
      input: { id: after!.id, version: after!.version, targetValue: '68.5' },
    });
    expect(changed.result.__typename).toBe('MutationUpdateMetricTargetSuccess');
    expect((await section(EDUCATION))!.education!.ehcTimelinessTarget).toBe(68.5);
  });

  test('an ICB editor cannot set the education target through the education section', async () => {
    const [before] = await ehc01();
    const s = (await section('icb@northshire.example'))!;
    const refused = await update('icb@northshire.example', {
      version: s.version,
      ehcTimelinessTarget: 10,
    });
    expect(refused.__typename).toBe('ForbiddenError');
    expect(refused.message).toBe('You can only change sections that your organisation owns');
    const [after] = await ehc01();
    expect(after).toMatchObject({ targetValue: before!.targetValue, version: before!.version });
  });

  test('a plan without a target gets one for its last period, and readiness counts it', async () => {
    const southvale = await h.planId(SOUTHVALE);
    const targets = await ehc01(southvale, SOUTHVALE);
    // Written by the earlier Southvale test through the section.
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ targetValue: '60', targetPeriod: '2029' });
  });
});
