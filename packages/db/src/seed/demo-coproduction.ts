// Demo co-production log for Northshire: how the plan was developed and tested with people, from
// the first cabinet briefing to the cabinet paper, with the parent carer forum's events and the
// "you said, we did" answers linked to the demo commitments. Invented, modelled on a county's
// published consultation timeline. Idempotent: fixed ids, existing rows (and edits) left alone.
import type { CoproductionKind, PrismaClient } from '../generated/prisma/client.ts';

type Client = Pick<
  PrismaClient,
  'coproductionActivity' | 'coproductionResponse' | 'coproductionResponseCommitment'
>;

const PARTNERSHIP = 'demo-partnership-northshire';
const PLAN = 'demo-plan-northshire-lip-2026';
const commitment = (reference: string) => `${PLAN}.${reference}`;

interface ActivitySeed {
  id: string;
  kind: CoproductionKind;
  title: string;
  heldOn: string;
  audiences: string[];
  chair?: string;
  reached?: number;
  heard: string;
  /** False for partnership-wide events not tied to this plan. */
  forPlan?: boolean;
  responses?: { id: string; youSaid: string; weDid: string; commitments: string[] }[];
}

export const demoCoproduction: readonly ActivitySeed[] = [
  {
    id: 'demo-copro-cabinet-briefing',
    kind: 'BRIEFING',
    title: 'Cabinet member briefing on the local inclusion plan',
    heldOn: '2026-03-02',
    audiences: ['Cabinet Member for Education and Skills'],
    chair: 'Assistant Director, SEND and Inclusion',
    reached: 3,
    heard:
      'Support for a plan built around mainstream inclusion; asked for clear measures the public can follow.',
  },
  {
    id: 'demo-copro-lead-member-1',
    kind: 'BRIEFING',
    title: 'Lead member meeting: priorities and timeline',
    heldOn: '2026-03-16',
    audiences: ['Lead Member for SEND', 'Director of Education'],
    chair: 'Lead Member for SEND',
    reached: 4,
    heard:
      'Wanted health and social care commitments to sit beside education ones, with named owners.',
  },
  {
    id: 'demo-copro-pcf-listening',
    kind: 'FORUM',
    title: 'Parent carer forum listening event',
    heldOn: '2026-03-25',
    audiences: ['Parents and carers'],
    chair: 'Co-chair, Northshire Parent Carer Forum',
    reached: 86,
    heard:
      'Families wait too long for neurodevelopmental assessments and get no help while waiting; schools vary in what they offer without an EHC plan.',
    responses: [
      {
        id: 'demo-copro-response-waiting',
        youSaid: 'There is no support while you wait for an autism or ADHD assessment.',
        weDid:
          'Every family on the pathway is offered a named contact, parent workshops and advice for school, without needing a diagnosis.',
        commitments: ['HE-03', 'HE-02'],
      },
      {
        id: 'demo-copro-response-oap',
        youSaid: 'What a mainstream school offers depends on which school you are in.',
        weDid:
          'The Ordinarily Available Provision guide is being co-produced with the forum, and every SENCo will be trained on it.',
        commitments: ['ED-01'],
      },
    ],
  },
  {
    id: 'demo-copro-staff-workshops',
    kind: 'WORKSHOP',
    title: 'Staff workshops: SEND assessment, inclusion and educational psychology teams',
    heldOn: '2026-04-08',
    audiences: ['SEND assessment officers', 'Inclusion advisers', 'Educational psychologists'],
    chair: 'Head of SEND Assessment and Review',
    reached: 64,
    heard: 'Late health and social care advice is the main cause of EHC plans missing 20 weeks.',
    responses: [
      {
        id: 'demo-copro-response-advice',
        youSaid:
          'Advice from health and social care arrives late, so plans miss the 20-week deadline.',
        weDid:
          'The ICB and children’s social care each committed to six-week advice, tracked monthly.',
        commitments: ['HE-01', 'CA-03', 'ED-02'],
      },
    ],
  },
  {
    id: 'demo-copro-round-table',
    kind: 'ROUND_TABLE',
    title: 'Round table with stakeholders, chaired by the Lead Member for SEND',
    heldOn: '2026-04-22',
    audiences: [
      'Headteachers',
      'Parent carer forum',
      'NHS providers',
      'Alternative provision leaders',
      'Post-16 providers',
    ],
    chair: 'Lead Member for SEND',
    reached: 38,
    heard:
      'Alternative provision should be used early and for a planned return to school, not as a last resort.',
    responses: [
      {
        id: 'demo-copro-response-ap',
        youSaid: 'Alternative provision comes too late and pupils rarely go back to their school.',
        weDid:
          'A three-tier model starts with outreach in mainstream schools and makes placements time-limited with a planned return.',
        commitments: ['AP-01', 'AP-02'],
      },
    ],
  },
  {
    id: 'demo-copro-senco-forum',
    kind: 'FORUM',
    title: 'SENCo forum: draft commitments for schools',
    heldOn: '2026-05-06',
    audiences: ['SENCos'],
    chair: 'Inclusion adviser',
    reached: 112,
    heard: 'New SENCos need protected time and the national qualification funded.',
    responses: [
      {
        id: 'demo-copro-response-senco',
        youSaid: 'New SENCos cannot afford the time or cost of the national qualification.',
        weDid:
          'The partnership funds the SENCo National Professional Qualification for every new SENCo.',
        commitments: ['ED-04'],
      },
    ],
  },
  {
    id: 'demo-copro-pcf-survey',
    kind: 'SURVEY',
    title: 'Parent carer forum survey on short breaks',
    heldOn: '2026-05-15',
    audiences: ['Parents and carers', 'Young people'],
    reached: 431,
    heard: 'Families could not find out what short breaks exist or how to get them.',
    responses: [
      {
        id: 'demo-copro-response-short-breaks',
        youSaid: 'We cannot find out which short breaks there are or whether we qualify.',
        weDid:
          'A new short breaks services statement will be published, written with the forum, and overnight capacity increased.',
        commitments: ['CA-01', 'CA-02'],
      },
    ],
  },
  {
    id: 'demo-copro-dmt',
    kind: 'BOARD_MEETING',
    title: 'Directorate management team discussion',
    heldOn: '2026-05-27',
    audiences: ['Directorate management team'],
    chair: 'Corporate Director, Children, Young People and Education',
    reached: 9,
    heard: 'Agreed the budget lines and asked for red metrics to carry commentary before sign-off.',
  },
  {
    id: 'demo-copro-pcf-conference',
    kind: 'FORUM',
    title: 'Parent carer forum annual conference',
    heldOn: '2026-06-06',
    audiences: ['Parents and carers', 'Practitioners'],
    chair: 'Co-chair, Northshire Parent Carer Forum',
    reached: 210,
    heard: 'Families asked to see, each year, what changed because of what they said.',
    forPlan: false,
  },
  {
    id: 'demo-copro-corporate-board',
    kind: 'BOARD_MEETING',
    title: 'Corporate board: deadline for the final draft',
    heldOn: '2026-06-17',
    audiences: ['Corporate board'],
    chair: 'Chief Executive',
    reached: 11,
    heard: 'Final draft to be ready for the cabinet paper by 1 July.',
  },
  {
    id: 'demo-copro-cabinet',
    kind: 'CABINET_MEETING',
    title: 'Cabinet paper: endorse the local inclusion plan',
    heldOn: '2026-07-09',
    audiences: ['Cabinet', 'Public'],
    chair: 'Leader of the Council',
    heard: 'Cabinet endorsed the plan for partner sign-off and publication.',
  },
];

const date = (day: string) => new Date(`${day}T00:00:00Z`);

export async function seedDemoCoproduction(prisma: Client): Promise<void> {
  for (const activity of demoCoproduction) {
    const { responses = [], forPlan = true, heldOn, ...fields } = activity;
    await prisma.coproductionActivity.upsert({
      where: { id: activity.id },
      create: {
        ...fields,
        heldOn: date(heldOn),
        partnershipId: PARTNERSHIP,
        planId: forPlan ? PLAN : null,
      },
      update: {},
    });
    for (const response of responses) {
      await prisma.coproductionResponse.upsert({
        where: { id: response.id },
        create: {
          id: response.id,
          activityId: activity.id,
          youSaid: response.youSaid,
          weDid: response.weDid,
        },
        update: {},
      });
      await prisma.coproductionResponseCommitment.createMany({
        data: response.commitments.map((reference) => ({
          responseId: response.id,
          commitmentId: commitment(reference),
        })),
        skipDuplicates: true,
      });
    }
  }
}
