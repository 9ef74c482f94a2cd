// Each plan names the organisation that writes each section; its section editors write it and
// nobody else's do. The alternative provision section may be written by an AP organisation or the
// council's education service (a council that runs its own AP); the plugin prefers AP.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LipPlugin } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE, PLAN, type MutationResult, type PlanData } from './support/queries.ts';

const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id === 'alternative-provision'
    ? {
        ...plugin,
        sections: plugin.sections!.map((s) => ({
          ...s,
          ownerOrganisationTypes: ['alternative-provision', 'local-authority-education'],
        })),
      }
    : plugin,
);

const OWNERS = /* GraphQL */ `
  query ($id: ID!) {
    plan(id: $id) {
      sections {
        key
        viewerCanEdit
        ownerOrganisation {
          name
        }
        eligibleOwnerOrganisations {
          id
          name
          typeCode
        }
      }
    }
  }
`;

const SET_OWNER = /* GraphQL */ `
  mutation ($input: SetSectionOwnerInput!) {
    result: setSectionOwner(input: $input) {
      __typename
      ... on MutationSetSectionOwnerSuccess {
        data {
          key
          ownerOrganisation {
            name
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

interface Owners {
  plan: {
    sections: Array<{
      key: string;
      viewerCanEdit: boolean;
      ownerOrganisation: { name: string } | null;
      eligibleOwnerOrganisations: Array<{ id: string; name: string; typeCode: string }>;
    }>;
  };
}
interface SetOwnerResult {
  result: {
    __typename: string;
    message?: string;
    data?: { key: string; ownerOrganisation: { name: string } | null };
    fieldErrors?: Array<{ path: string[]; message: string }>;
  };
}

let t: TestCore;
let planId: string;

beforeAll(async () => {
  t = await bootCore(plugins);
  const lead = await t.as('lead@northshire.example');
  planId = (await t.run<PlanData>(lead, PLAN)).partnerships.edges[0]!.node.plans.edges[0]!.node.id;
});
afterAll(() => t?.close());

async function apSection(email: string) {
  const data = await t.run<Owners>(await t.as(email), OWNERS, { id: planId });
  return data.plan.sections.find((s) => s.key === 'alternative-provision')!;
}

async function createIn(email: string, sectionKey: string): Promise<string> {
  const result = await t.core.execute<MutationResult>({
    document: CREATE,
    variables: { input: { planId, sectionKey, title: `Written by ${email}` } },
    context: await t.as(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result.__typename;
}

async function setOwner(
  email: string,
  organisationId: string,
  sectionKey = 'alternative-provision',
) {
  const data = await t.run<SetOwnerResult>(await t.as(email), SET_OWNER, {
    input: { planId, sectionKey, organisationId },
  });
  return data.result;
}

describe('who writes the alternative provision section', () => {
  test('by default the AP organisation: its editors write it, the education service’s do not', async () => {
    const section = await apSection('lead@northshire.example');
    expect(section.ownerOrganisation?.name).toBe('Northshire Alternative Provision Academy Trust');
    // Eligible: the plugin's preferred type first.
    expect(section.eligibleOwnerOrganisations.map((o) => o.typeCode)).toEqual([
      'alternative-provision',
      'local-authority-education',
    ]);
    expect((await apSection('ap@northshire.example')).viewerCanEdit).toBe(true);
    expect((await apSection('education@northshire.example')).viewerCanEdit).toBe(false);
    expect(await createIn('education@northshire.example', 'alternative-provision')).toBe(
      'ForbiddenError',
    );
    expect(await createIn('ap@northshire.example', 'alternative-provision')).toBe(
      'MutationCreateCommitmentSuccess',
    );
  });

  test('only the lead may name another organisation, and only one the section allows', async () => {
    const section = await apSection('lead@northshire.example');
    const education = section.eligibleOwnerOrganisations.find(
      (o) => o.typeCode === 'local-authority-education',
    )!;
    const refused = await setOwner('education@northshire.example', education.id);
    expect(refused.__typename).toBe('ForbiddenError');

    const health = (
      await t.run<Owners>(await t.as('lead@northshire.example'), OWNERS, { id: planId })
    ).plan.sections.find((s) => s.key === 'health')!.eligibleOwnerOrganisations[0]!;
    const invalid = await setOwner('lead@northshire.example', health.id);
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors?.[0]?.path).toContain('organisationId');
    expect(invalid.fieldErrors?.[0]?.message).toMatch(/Alternative provision/);

    const elsewhere = await t.run<SetOwnerResult>(await t.as('lead@southvale.example'), SET_OWNER, {
      input: { planId, sectionKey: 'alternative-provision', organisationId: education.id },
    });
    expect(elsewhere.result.__typename).toBe('NotFoundError');
    expect((await apSection('lead@northshire.example')).ownerOrganisation?.name).toBe(
      'Northshire Alternative Provision Academy Trust',
    );
  });

  test('once the plan names the education service, its editors write the section and AP’s do not', async () => {
    const section = await apSection('lead@northshire.example');
    const education = section.eligibleOwnerOrganisations.find(
      (o) => o.typeCode === 'local-authority-education',
    )!;
    const changed = await setOwner('lead@northshire.example', education.id);
    expect(changed.__typename).toBe('MutationSetSectionOwnerSuccess');
    expect(changed.data?.ownerOrganisation?.name).toBe(education.name);

    expect((await apSection('education@northshire.example')).viewerCanEdit).toBe(true);
    expect((await apSection('ap@northshire.example')).viewerCanEdit).toBe(false);
    expect(await createIn('education@northshire.example', 'alternative-provision')).toBe(
      'MutationCreateCommitmentSuccess',
    );
    expect(await createIn('ap@northshire.example', 'alternative-provision')).toBe('ForbiddenError');

    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: 'section.owner' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ ownerOrganisationName: education.name });
  });
});
