// The social care section through the API, as any client sees it: the permission boundary for every
// demo role, readiness before and after filling fields, validation messages, version conflicts,
// the metric pack, standards suggestions and the seed.
import { runPluginSeeds } from '@lip/plugin-sdk';
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import care from '../src/server/index.ts';

const FIELDS = /* GraphQL */ `
  shortBreaksStatementUrl shortBreaksRange shortBreaksEligibility shortBreaksCarersNeeds shortBreaksLastReviewedWithParents
  overnightRespitePlaces respiteSummary familyHubCount familyHubsSummary
  childrenInNeedWithSend childProtectionPlansWithSend lookedAfterWithSend countsAsAt socialCareSendSummary
`;

const SECTION = /* GraphQL */ `
  query Care($planId: ID!) {
    plan(id: $planId) {
      section(key: "care") {
        key title version viewerCanEdit isReady
        readiness { id title passed message }
        care { ${FIELDS} }
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateCareSectionInput!) {
    result: updateCareSection(input: $input) {
      __typename
      ... on MutationUpdateCareSectionSuccess { data { version isReady care { ${FIELDS} } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SectionConflictError { current { version care { respiteSummary } } }
    }
  }
`;

type Fields = Record<string, string | number | null>;

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
  care: Fields | null;
}

interface UpdateResult {
  result: {
    __typename: string;
    message?: string;
    data?: { version: number; isReady: boolean; care: Fields };
    fieldErrors?: { path: string[]; message: string }[];
    current?: { version: number; care: { respiteSummary: string | null } };
  };
}

const LEAD = 'lead@northshire.example';
const CARE = 'care@northshire.example';
const SOUTHVALE = 'lead@southvale.example';

/** YYYY-MM-DD, `months` before today. */
function monthsAgo(months: number, days = 0): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate() - days),
  )
    .toISOString()
    .slice(0, 10);
}

let h: TestHarness;
let planId: string;

beforeAll(async () => {
  h = await createTestHarness({ plugins: [care] });
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

describe('the social care section', () => {
  test('is the "Social care" section at key care with the Northshire demo content, ready', async () => {
    const s = (await section(LEAD))!;
    expect(s.key).toBe('care');
    expect(s.title).toBe('Social care');
    expect(s.care!.overnightRespitePlaces).toBe(26);
    expect(s.care!.countsAsAt).toBe('2026-03-31');
    expect(failing(s)).toEqual({});
    expect(s.isReady).toBe(true);
  });

  describe('permission boundary, for every demo role', () => {
    const OTHER_OWNER = 'You can only change sections that your organisation owns';
    const READ_ONLY = 'You can view this plan but you cannot change it';
    // What each demo account may do, and the message a refused edit gets.
    const roles: Record<string, 'edits' | 'not found' | typeof OTHER_OWNER | typeof READ_ONLY> = {
      'lead@northshire.example': 'edits',
      'care@northshire.example': 'edits',
      'icb@northshire.example': OTHER_OWNER,
      'education@northshire.example': OTHER_OWNER,
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
          const refused = await update(email, { version: 1, respiteSummary: 'Intruder' });
          expect(refused.__typename).toBe('NotFoundError');
          return;
        }
        expect(before).not.toBeNull();
        expect(before!.care).not.toBeNull();
        expect(before!.viewerCanEdit).toBe(expected === 'edits');
        const text = `Respite, as written by ${email}`;
        const result = await update(email, { version: before!.version, respiteSummary: text });
        if (expected === 'edits') {
          expect(result.__typename).toBe('MutationUpdateCareSectionSuccess');
          expect(result.data!.version).toBe(before!.version + 1);
          expect(result.data!.care.respiteSummary).toBe(text);
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

  test('readiness: a review with parents more than 12 months ago, or none, fails until a recent date is given', async () => {
    const s = (await section(CARE))!;
    const stale = await update(CARE, {
      version: s.version,
      shortBreaksLastReviewedWithParents: monthsAgo(12, 1),
    });
    expect(stale.data!.isReady).toBe(false);
    expect(failing((await section(CARE))!)['care.short-breaks-reviewed-with-parents']).toMatch(
      /^The short breaks statement was last reviewed with parents on \d{1,2} [A-Z][a-z]+ \d{4}, more than 12 months ago: review it with parents and update the date$/,
    );

    const cleared = await update(CARE, {
      version: stale.data!.version,
      shortBreaksLastReviewedWithParents: null,
    });
    expect(failing((await section(CARE))!)).toEqual({
      'care.short-breaks-reviewed-with-parents':
        'Add the date the short breaks statement was last reviewed with parents',
    });

    const recent = await update(CARE, {
      version: cleared.data!.version,
      shortBreaksLastReviewedWithParents: monthsAgo(1),
    });
    expect(recent.data!.isReady).toBe(true);
  });

  test('readiness: an empty section (Southvale) fails every check until it is filled', async () => {
    const southvalePlan = await h.planId(SOUTHVALE);
    const before = (await section(SOUTHVALE, southvalePlan))!;
    expect(before.isReady).toBe(false);
    expect(failing(before)).toEqual({
      'care.short-breaks-statement-linked':
        'Add a link to the published short breaks services statement',
      'care.short-breaks-statement-content':
        'Describe the range of short breaks, who is eligible and how they meet carers’ needs',
      'care.short-breaks-reviewed-with-parents':
        'Add the date the short breaks statement was last reviewed with parents',
      'care.respite': 'Give the number of overnight respite places',
      'care.family-hubs': 'Say what families of children with SEND can get from family hubs',
      'care.children-in-need-and-looked-after':
        'Give the number of children in need, children on a child protection plan and looked-after children with SEND',
      'care.commitment-sa-09':
        'Map at least one social care commitment to SA-09 (social care contribution: short breaks, family help, children in need and looked after with SEND)',
    });

    const saved = await update(
      SOUTHVALE,
      {
        version: before.version,
        shortBreaksStatementUrl: 'https://www.southvale.example/short-breaks',
        shortBreaksRange: 'Holiday clubs and overnight breaks.',
        shortBreaksEligibility: 'Any child with SEND for clubs; assessed for overnight breaks.',
        shortBreaksCarersNeeds: 'Arranged around working parents.',
        shortBreaksLastReviewedWithParents: monthsAgo(2),
        overnightRespitePlaces: 8,
        respiteSummary: 'One short break home.',
        familyHubsSummary: 'A SEND worker in every hub.',
        childrenInNeedWithSend: 420,
        childProtectionPlansWithSend: 40,
        lookedAfterWithSend: 95,
        countsAsAt: '2026-03-31',
      },
      southvalePlan,
    );
    expect(saved.__typename).toBe('MutationUpdateCareSectionSuccess');
    // Every field check passes; the section still needs a commitment mapped to SA-09.
    expect(Object.keys(failing((await section(SOUTHVALE, southvalePlan))!))).toEqual([
      'care.commitment-sa-09',
    ]);
  });

  test('bad input is refused field by field with messages that say what to fix; nothing is written', async () => {
    const { version } = (await section(CARE))!;
    const invalid = await update(CARE, {
      version,
      shortBreaksStatementUrl: 'http://www.northshire.example/short-breaks',
      shortBreaksLastReviewedWithParents: '2026-02-30',
      lookedAfterWithSend: -3,
      familyHubCount: 20000,
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors).toEqual(
      expect.arrayContaining([
        {
          path: ['shortBreaksStatementUrl'],
          message: 'Enter a real web address starting with https://',
        },
        {
          path: ['shortBreaksLastReviewedWithParents'],
          message:
            'Date the short breaks statement was last reviewed with parents must be a real date, like 2026-03-31',
        },
        {
          path: ['lookedAfterWithSend'],
          message: 'The number of looked-after children with SEND must be 0 or more',
        },
        { path: ['familyHubCount'], message: 'The number of family hubs must be 10000 or less' },
      ]),
    );
    expect((await section(CARE))!.version).toBe(version);
  });

  test('a stale version is refused with the current section', async () => {
    const { version } = (await section(CARE))!;
    const first = await update(CARE, { version, respiteSummary: 'First' });
    expect(first.__typename).toBe('MutationUpdateCareSectionSuccess');
    const stale = await update(LEAD, { version, respiteSummary: 'Second' });
    expect(stale.__typename).toBe('SectionConflictError');
    expect(stale.current).toEqual({ version: version + 1, care: { respiteSummary: 'First' } });
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
      document: `query($planId: ID!) { plan(id: $planId) { section(key: "care") {
        metrics { code pluginId } suggestedStandards { code } } } }`,
      variables: { planId },
      context: await h.contextFor('forum@northshire.example'),
    });
    expect(result.errors).toBeUndefined();
    const s = result.data!.plan.section;
    expect(s.metrics.map((m) => m.code)).toEqual(['CSC-01', 'LOC-03']);
    expect(s.metrics.every((m) => m.pluginId === 'care')).toBe(true);
    expect(s.suggestedStandards.map((a) => a.code)).toEqual([
      'SA-05',
      'SA-06',
      'SA-09',
      'SA-10',
      'SA-12',
    ]);
  });

  test('the seed is idempotent: running it again never overwrites what people wrote', async () => {
    const edited = await update(LEAD, {
      version: (await section(LEAD))!.version,
      respiteSummary: 'Edited after seeding',
    });
    expect(edited.__typename).toBe('MutationUpdateCareSectionSuccess');
    const southvalePlan = await h.planId(SOUTHVALE);
    const southvaleBefore = (await section(SOUTHVALE, southvalePlan))!;

    await runPluginSeeds(h.db, [care], { demo: true });
    await runPluginSeeds(h.db, [care], { demo: true });

    const after = (await section(LEAD))!;
    expect(after.version).toBe(edited.data!.version);
    expect(after.care!.respiteSummary).toBe('Edited after seeding');
    // Only Northshire gets demo content.
    expect((await section(SOUTHVALE, southvalePlan))!.version).toBe(southvaleBefore.version);
  });
});
