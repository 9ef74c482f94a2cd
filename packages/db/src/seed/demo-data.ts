// Demo content: two fictional partnerships. Every name, figure and person here is invented.
import type {
  MemberRole,
  Phase,
  CommitmentProgress,
  DeliveryRating,
  FundingBlock,
  ProvisionType,
  SectionStatus,
  SupportLayer,
} from '../generated/prisma/enums.ts';

export type NeedArea = 'CI' | 'CL' | 'SEMH' | 'SP';

export interface OrganisationSeed {
  id: string;
  name: string;
  typeCode: string;
  isSignatory: boolean;
}

export interface UserSeed {
  email: string;
  name: string;
  organisationId: string;
  roles: MemberRole[];
  jobTitle: string;
  /** How the server describes the account when it prints the demo accounts. */
  description: string;
}

export interface SectionSeed {
  key: 'education' | 'health' | 'care' | 'alternative-provision';
  ownerOrganisationId: string;
  status: SectionStatus;
  summary: string;
}

export interface CommitmentSeed {
  reference: string;
  section: SectionSeed['key'];
  title: string;
  description: string;
  owner: string;
  /** Email of the owning person, when one is named. */
  ownerEmail?: string;
  needAreas: NeedArea[];
  phase: Phase;
  supportLayer?: SupportLayer;
  progress: CommitmentProgress;
  /** How it is going; unset is "not rated". */
  rating?: DeliveryRating;
  /** The officer who leads delivery (a job title or a name). */
  leadOfficer?: string;
  start?: string;
  due?: string;
  /** High-needs budget lines (issue 16): block, pounds, financial year by its starting year. */
  budgetLines?: Array<{ name: string; block: FundingBlock; amount: string; financialYear: number }>;
  /** Codes of lip-working-2026 standard areas. */
  standards: string[];
}

/** A demo account that belongs to no partnership (a service administrator). */
export interface AdministratorSeed {
  email: string;
  name: string;
  description: string;
}

/** The demo service administrator: creates partnerships and invites their first leads. */
export const demoAdministrators: readonly AdministratorSeed[] = [
  {
    email: 'admin@service.example',
    name: 'Sam Okafor',
    description: 'Service administrator: creates partnerships and invites their first lead',
  },
];

/** A demo oversight account: reads the published plans of the partnerships in its region. */
export interface OverseerSeed extends AdministratorSeed {
  /** The oversight membership's name, e.g. "DfE North West region". */
  team: string;
  /** A region name as partnerships carry it; null for all England. */
  region: string | null;
}

/** The demo regional overseer (Northshire is in the North West; Southvale is not). */
export const demoOverseers: readonly OverseerSeed[] = [
  {
    email: 'oversight@dfe.example',
    name: 'Priya Raman',
    description:
      'Oversight (DfE North West region): reads the published plans of the region’s partnerships',
    team: 'DfE North West region',
    region: 'North West',
  },
];

export interface PartnershipSeed {
  id: string;
  slug: string;
  name: string;
  localAuthorityCodes: string[];
  region: string;
  organisations: OrganisationSeed[];
  users: UserSeed[];
  /** The banding framework and its tariffs (issue 16). */
  banding?: Array<{
    name: string;
    descriptionOfNeed: string;
    tariffs: Array<{ provisionType: ProvisionType; annualPrice: string; effectiveFrom: string }>;
  }>;
  plan: {
    id: string;
    title: string;
    kindId: string;
    frameworkId: string;
    periodStart: string;
    periodEnd: string;
    sections: SectionSeed[];
    commitments: CommitmentSeed[];
  };
}

const NC_ED = 'demo-org-northshire-cc-education';
const NC_SC = 'demo-org-northshire-cc-social-care';
const N_ICB = 'demo-org-nhs-northshire-icb';
const N_AP = 'demo-org-northshire-ap-trust';
const N_PCF = 'demo-org-northshire-pcf';

const SV_CC = 'demo-org-southvale-council';
const SV_ICB = 'demo-org-nhs-southvale-icb';
const SV_PCF = 'demo-org-southvale-pcf';

const PERIOD = { periodStart: '2026-09-01', periodEnd: '2029-08-31' };

export const northshire: PartnershipSeed = {
  id: 'demo-partnership-northshire',
  slug: 'northshire',
  name: 'Northshire SEND and AP Partnership',
  localAuthorityCodes: ['E10000099'],
  region: 'North West',
  organisations: [
    {
      id: NC_ED,
      name: 'Northshire County Council (education)',
      typeCode: 'local-authority-education',
      isSignatory: true,
    },
    {
      id: NC_SC,
      name: "Northshire County Council (children's social care)",
      typeCode: 'local-authority-social-care',
      isSignatory: true,
    },
    {
      id: N_ICB,
      name: 'NHS Northshire Integrated Care Board',
      typeCode: 'integrated-care-board',
      isSignatory: true,
    },
    {
      id: N_AP,
      name: 'Northshire Alternative Provision Academy Trust',
      typeCode: 'alternative-provision',
      isSignatory: false,
    },
    {
      id: N_PCF,
      name: 'Northshire Parent Carer Forum',
      typeCode: 'parent-carer-forum',
      isSignatory: false,
    },
  ],
  users: [
    {
      email: 'lead@northshire.example',
      name: 'Alex Morgan',
      organisationId: NC_ED,
      roles: ['PARTNERSHIP_LEAD'],
      jobTitle: 'Assistant Director, SEND and Inclusion',
      description: 'Partnership lead (Northshire County Council, education): edits the whole plan',
    },
    {
      email: 'icb@northshire.example',
      name: 'Priya Shah',
      organisationId: N_ICB,
      roles: ['SECTION_EDITOR', 'SIGNATORY'],
      jobTitle: 'Designated Clinical Officer',
      description:
        'Section editor and signatory (NHS Northshire ICB): edits the health section only, signs off for the ICB',
    },
    {
      email: 'education@northshire.example',
      name: 'Tom Whitaker',
      organisationId: NC_ED,
      roles: ['SECTION_EDITOR', 'SIGNATORY'],
      jobTitle: 'Head of SEND Assessment and Review',
      description:
        'Section editor and signatory (Northshire County Council, education): edits the education section, signs off for the council',
    },
    {
      email: 'care@northshire.example',
      name: 'Grace Okafor',
      organisationId: NC_SC,
      roles: ['SECTION_EDITOR', 'SIGNATORY'],
      jobTitle: 'Service Manager, Children with Disabilities',
      description:
        "Section editor and signatory (Northshire County Council, children's social care): edits the care section, signs off for social care",
    },
    {
      email: 'ap@northshire.example',
      name: 'Daniel Price',
      organisationId: N_AP,
      roles: ['SECTION_EDITOR'],
      jobTitle: 'Chief Executive, Northshire AP Academy Trust',
      description:
        'Section editor (Northshire AP Academy Trust): edits the alternative provision section',
    },
    {
      email: 'forum@northshire.example',
      name: 'Hannah Lewis',
      organisationId: N_PCF,
      roles: ['CONTRIBUTOR', 'SIGNATORY'],
      jobTitle: 'Co-chair, Northshire Parent Carer Forum',
      description:
        'Contributor (Northshire Parent Carer Forum): reads, comments and acknowledges co-production',
    },
    {
      email: 'viewer@northshire.example',
      name: 'Sam Patel',
      organisationId: NC_ED,
      roles: ['VIEWER'],
      jobTitle: 'SEND Data and Performance Officer',
      description: 'Viewer (Northshire County Council, education): reads only',
    },
    {
      email: 'officer@northshire.example',
      name: 'Jordan Hughes',
      organisationId: NC_SC,
      roles: ['CONTRIBUTOR'],
      jobTitle: 'Service Manager, Children with Disabilities',
      description:
        'Contributor (Northshire County Council, children’s social care): reads and comments',
    },
  ],
  banding: [
    {
      name: 'Band 1',
      descriptionOfNeed:
        'Needs met mostly through ordinarily available provision, with some targeted help in class.',
      tariffs: [
        { provisionType: 'MAINSTREAM_TOP_UP', annualPrice: '3000.00', effectiveFrom: '2026-04-01' },
        {
          provisionType: 'RESOURCED_PROVISION',
          annualPrice: '9000.00',
          effectiveFrom: '2026-04-01',
        },
        { provisionType: 'POST_16', annualPrice: '4000.00', effectiveFrom: '2026-04-01' },
      ],
    },
    {
      name: 'Band 2',
      descriptionOfNeed:
        'Needs that call for a specialist programme and adult support for much of the school day.',
      tariffs: [
        { provisionType: 'MAINSTREAM_TOP_UP', annualPrice: '7500.00', effectiveFrom: '2026-04-01' },
        {
          provisionType: 'RESOURCED_PROVISION',
          annualPrice: '14000.00',
          effectiveFrom: '2026-04-01',
        },
        { provisionType: 'SPECIAL', annualPrice: '21000.00', effectiveFrom: '2026-04-01' },
        {
          provisionType: 'ALTERNATIVE_PROVISION',
          annualPrice: '18000.00',
          effectiveFrom: '2026-04-01',
        },
        { provisionType: 'POST_16', annualPrice: '9500.00', effectiveFrom: '2026-04-01' },
      ],
    },
    {
      name: 'Band 3',
      descriptionOfNeed:
        'Complex needs met in a specialist setting with therapy and health care through the day.',
      tariffs: [
        { provisionType: 'SPECIAL', annualPrice: '32000.00', effectiveFrom: '2026-04-01' },
        {
          provisionType: 'INDEPENDENT_SPECIAL',
          annualPrice: '65000.00',
          effectiveFrom: '2026-04-01',
        },
        { provisionType: 'POST_16', annualPrice: '24000.00', effectiveFrom: '2026-04-01' },
      ],
    },
  ],
  plan: {
    id: 'demo-plan-northshire-lip-2026',
    title: 'Northshire Local Inclusion Plan 2026 to 2029',
    kindId: 'local-inclusion-plan',
    frameworkId: 'lip-working-2026',
    ...PERIOD,
    sections: [
      {
        key: 'education',
        ownerOrganisationId: NC_ED,
        status: 'IN_PROGRESS',
        summary:
          'More children and young people have their needs met in mainstream settings through a clear ordinarily available offer, ' +
          'with EHC needs assessments that are timely and good quality when a plan is needed.',
      },
      {
        key: 'health',
        ownerOrganisationId: N_ICB,
        status: 'IN_PROGRESS',
        summary:
          'The ICB commissions therapies, mental health support and neurodevelopmental pathways so that families wait less ' +
          'and health advice for EHC needs assessments arrives within six weeks.',
      },
      {
        key: 'care',
        ownerOrganisationId: NC_SC,
        status: 'NOT_STARTED',
        summary:
          'Short breaks, family help and social care advice that families can find, understand and rely on.',
      },
      {
        key: 'alternative-provision',
        ownerOrganisationId: N_AP,
        status: 'IN_PROGRESS',
        summary:
          'Alternative provision in three tiers, focused on early intervention in mainstream schools and on returning pupils to school.',
      },
    ],
    commitments: [
      // Education (council education)
      {
        reference: 'ED-01',
        section: 'education',
        title: 'Publish and embed the Northshire Ordinarily Available Provision guide',
        description:
          'Co-produce with the parent carer forum and school leaders a guide to what every mainstream setting provides without an EHC plan, by phase and need area, and train every SENCo on it.',
        owner: NC_ED,
        ownerEmail: 'education@northshire.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'UNIVERSAL',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        leadOfficer: 'Head of SEND and Inclusion',
        start: '2026-09-01',
        due: '2027-03-31',
        budgetLines: [
          {
            name: 'Inclusion development fund',
            block: 'HIGH_NEEDS',
            amount: '25000.00',
            financialYear: 2026,
          },
          {
            name: 'Inclusion development fund',
            block: 'HIGH_NEEDS',
            amount: '20000.00',
            financialYear: 2027,
          },
        ],
        standards: ['SA-02', 'SA-05'],
      },
      {
        reference: 'ED-02',
        section: 'education',
        title: 'Issue 70% of new EHC plans within 20 weeks',
        description:
          'Redesign the EHC needs assessment pathway with weekly tracking of every assessment against the 6, 16 and 20 week points, and extra case officers while the backlog is cleared.',
        owner: NC_ED,
        ownerEmail: 'education@northshire.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2027-12-31',
        budgetLines: [
          {
            name: 'Council SEND statutory service',
            block: 'OTHER',
            amount: '320000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-04'],
      },
      {
        reference: 'ED-03',
        section: 'education',
        title: 'Quality-assure EHC plans through a multi-agency audit',
        description:
          'Each term, audit a sample of new and reviewed EHC plans with health, care and parent carer representatives, using a shared quality standard; publish the findings.',
        owner: NC_ED,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-10-01',
        due: '2029-07-31',
        standards: ['SA-04', 'SA-05'],
      },
      {
        reference: 'ED-04',
        section: 'education',
        title: 'Fund the SENCo National Professional Qualification for new SENCos',
        description:
          'Make sure every newly appointed SENCo in a Northshire school starts the SENCo NPQ within a year, with a local mentor and protected time agreed with headteachers.',
        owner: NC_ED,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'UNIVERSAL',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2028-08-31',
        budgetLines: [
          {
            name: 'SENCo NPQ mentoring',
            block: 'CENTRAL_SCHOOL_SERVICES',
            amount: '60000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-11'],
      },
      {
        reference: 'ED-05',
        section: 'education',
        title: 'Early years inclusion fund and area SENCos',
        description:
          'Expand the early years inclusion fund and the area SENCo team so that nurseries and childminders get advice within four weeks of a request.',
        owner: NC_ED,
        needAreas: ['CI', 'CL'],
        phase: 'EARLY_YEARS',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-08-31',
        budgetLines: [
          {
            name: 'SEN inclusion fund',
            block: 'EARLY_YEARS',
            amount: '150000.00',
            financialYear: 2026,
          },
          { name: 'Area SENCos', block: 'HIGH_NEEDS', amount: '100000.00', financialYear: 2026 },
        ],
        standards: ['SA-01', 'SA-02'],
      },
      {
        reference: 'ED-06',
        section: 'education',
        title: 'Speech and language support in every primary school (universal offer)',
        description:
          'Train a lead teaching assistant in every primary school in evidence-based language programmes, with termly supervision from the speech and language therapy service.',
        owner: NC_ED,
        needAreas: ['CI'],
        phase: 'PRIMARY',
        supportLayer: 'UNIVERSAL',
        progress: 'NOT_STARTED',
        start: '2027-01-01',
        due: '2028-07-31',
        budgetLines: [
          {
            name: 'Inclusion development',
            block: 'HIGH_NEEDS',
            amount: '90000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-02', 'SA-08', 'SA-11'],
      },
      {
        reference: 'ED-07',
        section: 'education',
        title: 'Open 12 mainstream resourced provisions for autistic pupils',
        description:
          'Commission resourced provisions in mainstream primary and secondary schools across the county so more autistic pupils can attend a local school.',
        owner: NC_ED,
        ownerEmail: 'lead@northshire.example',
        needAreas: ['CI'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED_PLUS',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2029-08-31',
        budgetLines: [
          {
            name: 'High needs capital provision allocation',
            block: 'HIGH_NEEDS',
            amount: '3600000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-03', 'SA-12'],
      },
      {
        reference: 'ED-08',
        section: 'education',
        title: 'Special school place sufficiency plan',
        description:
          'Publish a five-year place sufficiency plan for special schools and resourced provisions, reviewed annually with the parent carer forum and headteachers.',
        owner: NC_ED,
        needAreas: ['CL', 'SP', 'CI'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2027-06-30',
        standards: ['SA-12', 'SA-03'],
      },
      {
        reference: 'ED-09',
        section: 'education',
        title: 'Transparent banded funding for SEN support and EHC plans',
        description:
          'Replace hours-based top-up funding with published needs-led bands, so schools and families can see who funds what and why.',
        owner: NC_ED,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-03-31',
        budgetLines: [
          {
            name: 'High needs block',
            block: 'HIGH_NEEDS',
            amount: '85000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-10', 'SA-04'],
      },
      {
        reference: 'ED-10',
        section: 'education',
        title: 'Phase transfer: person-centred reviews in Year 5 and Year 9',
        description:
          'Hold every phase transfer review early enough for named settings to be consulted by the autumn term, and share a one-page profile with the receiving setting.',
        owner: NC_ED,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'SECONDARY',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-02-15',
        standards: ['SA-06'],
      },
      {
        reference: 'ED-11',
        section: 'education',
        title: 'Preparing for adulthood from Year 9: supported internships',
        description:
          'Double the number of supported internships with local employers and the further education colleges, and include preparing-for-adulthood outcomes in every Year 9 review.',
        owner: NC_ED,
        needAreas: ['CL', 'CI'],
        phase: 'POST_16',
        supportLayer: 'TARGETED',
        progress: 'NOT_STARTED',
        start: '2027-04-01',
        due: '2029-07-31',
        budgetLines: [
          { name: 'Post-16', block: 'HIGH_NEEDS', amount: '140000.00', financialYear: 2026 },
        ],
        standards: ['SA-06'],
      },
      {
        reference: 'ED-12',
        section: 'education',
        title: 'Educational psychology capacity for early consultation',
        description:
          'Recruit four educational psychologists and offer every school termly consultation time, so advice comes before an EHC needs assessment is requested.',
        owner: NC_ED,
        needAreas: ['CL', 'SEMH', 'CI'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2028-08-31',
        budgetLines: [
          {
            name: 'Council SEND statutory service',
            block: 'OTHER',
            amount: '380000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-11', 'SA-01'],
      },
      {
        reference: 'ED-13',
        section: 'education',
        title: 'Sensory and physical support service outreach',
        description:
          'Extend the hearing, vision and physical disability outreach team to post-16 settings and publish its referral criteria.',
        owner: NC_ED,
        needAreas: ['SP'],
        phase: 'POST_16',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2027-07-31',
        budgetLines: [
          {
            name: 'Central services',
            block: 'HIGH_NEEDS',
            amount: '75000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-03', 'SA-06'],
      },
      {
        reference: 'ED-14',
        section: 'education',
        title: 'Reduce suspensions of pupils with SEN support through inclusion reviews',
        description:
          'Offer an inclusion review, led by a specialist teacher with the school SENCo, before any second suspension of a pupil with SEN support, and report suspension rates by SEN status to the partnership board each term.',
        owner: NC_ED,
        needAreas: ['SEMH', 'CI'],
        phase: 'SECONDARY',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-11-01',
        due: '2028-07-31',
        standards: ['SA-02', 'SA-07'],
      },
      // Health (ICB)
      {
        reference: 'HE-01',
        section: 'health',
        title: 'DCO-led health advice for EHC needs assessments within 6 weeks',
        description:
          'The designated clinical officer tracks every request for health advice and escalates any at risk of missing the six-week deadline; providers report compliance monthly.',
        owner: N_ICB,
        ownerEmail: 'icb@northshire.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-03-31',
        standards: ['SA-04', 'SA-08'],
      },
      {
        reference: 'HE-02',
        section: 'health',
        title: 'Cut waits for the neurodevelopmental (autism and ADHD) pathway',
        description:
          'Bring the longest wait for a neurodevelopmental assessment under 52 weeks by adding capacity and a needs-led offer of support while children wait.',
        owner: N_ICB,
        ownerEmail: 'icb@northshire.example',
        needAreas: ['CI', 'SEMH'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2028-03-31',
        budgetLines: [
          {
            name: 'ICB mental health investment standard',
            block: 'OTHER',
            amount: '1200000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08', 'SA-01'],
      },
      {
        reference: 'HE-03',
        section: 'health',
        title: 'Support while waiting: neurodevelopmental family offer',
        description:
          'Offer every family on the neurodevelopmental pathway a named contact, parent workshops and advice for school, without needing a diagnosis.',
        owner: N_ICB,
        needAreas: ['CI', 'SEMH'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-10-01',
        due: '2027-09-30',
        budgetLines: [
          {
            name: 'ICB children and young people transformation',
            block: 'OTHER',
            amount: '180000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08', 'SA-05'],
      },
      {
        reference: 'HE-04',
        section: 'health',
        title: 'Speech and language therapy waiting times under 18 weeks',
        description:
          'Commission additional speech and language therapy capacity and a single point of access shared with early years settings.',
        owner: N_ICB,
        needAreas: ['CI'],
        phase: 'EARLY_YEARS',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-03-31',
        budgetLines: [
          {
            name: 'ICB community services contract',
            block: 'OTHER',
            amount: '420000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08', 'SA-01'],
      },
      {
        reference: 'HE-05',
        section: 'health',
        title: 'Mental health support teams in 80% of schools',
        description:
          'Expand mental health support teams so that four in five schools and colleges are covered, including the AP academies.',
        owner: N_ICB,
        needAreas: ['SEMH'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2029-03-31',
        budgetLines: [
          {
            name: 'NHS England mental health support teams',
            block: 'OTHER',
            amount: '2100000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08', 'SA-02'],
      },
      {
        reference: 'HE-06',
        section: 'health',
        title: 'Occupational therapy and physiotherapy advice to schools',
        description:
          'Publish a universal therapy offer for schools (training, advice line, environment checklists) alongside specialist therapy for children who need it.',
        owner: N_ICB,
        needAreas: ['SP'],
        phase: 'PRIMARY',
        supportLayer: 'UNIVERSAL',
        progress: 'NOT_STARTED',
        start: '2027-01-01',
        due: '2027-12-31',
        budgetLines: [
          {
            name: 'ICB community services contract',
            block: 'OTHER',
            amount: '95000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08', 'SA-02'],
      },
      {
        reference: 'HE-07',
        section: 'health',
        title: 'Health sections of EHC plans written in plain English',
        description:
          'Agree a template and training for health professionals writing section C and G advice, checked in the multi-agency audit.',
        owner: N_ICB,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2027-06-30',
        standards: ['SA-04', 'SA-08'],
      },
      {
        reference: 'HE-08',
        section: 'health',
        title: 'Transition from children’s to adult health services at 18',
        description:
          'Start transition planning at 14 for young people with complex health needs, with a named adult-services contact by 17.',
        owner: N_ICB,
        needAreas: ['SP', 'CL'],
        phase: 'POST_16',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-08-31',
        standards: ['SA-06', 'SA-08'],
      },
      {
        reference: 'HE-09',
        section: 'health',
        title: 'Joint commissioning of specialist equipment and continuing care',
        description:
          'Agree with the council who funds what for equipment, continuing care and jointly funded placements, and publish the agreement.',
        owner: N_ICB,
        needAreas: ['SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2027-03-31',
        standards: ['SA-10'],
      },
      // Care (children's social care)
      {
        reference: 'CA-01',
        section: 'care',
        title: 'Publish a new short breaks services statement',
        description:
          'Consult parents and young people on the range of short breaks (day, overnight, evenings, weekends and holidays) and publish a clear, reviewed statement of what is available and how to get it.',
        owner: NC_SC,
        ownerEmail: 'care@northshire.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-01-31',
        standards: ['SA-09', 'SA-05'],
      },
      {
        reference: 'CA-02',
        section: 'care',
        title: 'Increase overnight short break capacity',
        description:
          'Recommission overnight short breaks so that families assessed as needing them start within 12 weeks, including for young people with complex health needs.',
        owner: NC_SC,
        needAreas: ['CL', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2028-03-31',
        budgetLines: [
          {
            name: "Children's social care: short breaks",
            block: 'OTHER',
            amount: '650000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-09', 'SA-12'],
      },
      {
        reference: 'CA-03',
        section: 'care',
        title: 'Social care advice for EHC needs assessments within 6 weeks',
        description:
          'Give every request for social care advice a named worker and track it alongside education and health advice.',
        owner: NC_SC,
        ownerEmail: 'care@northshire.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-06-30',
        standards: ['SA-04', 'SA-09'],
      },
      {
        reference: 'CA-04',
        section: 'care',
        title: 'Family help for families of disabled children',
        description:
          'Add a SEND practitioner to each family hub so families get early help without a social care assessment.',
        owner: NC_SC,
        needAreas: ['CI', 'SEMH'],
        phase: 'EARLY_YEARS',
        supportLayer: 'TARGETED',
        progress: 'NOT_STARTED',
        start: '2027-01-01',
        due: '2028-08-31',
        budgetLines: [
          {
            name: 'Family hubs programme',
            block: 'OTHER',
            amount: '210000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-09', 'SA-01'],
      },
      {
        reference: 'CA-05',
        section: 'care',
        title: 'Children looked after with SEND: joint review with the virtual school',
        description:
          'Align personal education plans and EHC plan reviews for children looked after, with the virtual school head at every review.',
        owner: NC_SC,
        needAreas: ['SEMH', 'CL'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2027-08-31',
        standards: ['SA-09', 'SA-04'],
      },
      {
        reference: 'CA-06',
        section: 'care',
        title: 'Preparing for adulthood: transition to adult social care from 14',
        description:
          'Start transition assessments at 14 for young people likely to need adult social care, with a joint panel for 16 to 25 year olds.',
        owner: NC_SC,
        needAreas: ['CL', 'SP'],
        phase: 'POST_16',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-08-31',
        standards: ['SA-06', 'SA-09'],
      },
      {
        reference: 'CA-07',
        section: 'care',
        title: 'Direct payments and personal budgets that families can use',
        description:
          'Simplify direct payments for short breaks and publish personal budget rates, co-produced with the parent carer forum.',
        owner: NC_SC,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'TARGETED',
        progress: 'NOT_STARTED',
        start: '2027-04-01',
        due: '2028-03-31',
        standards: ['SA-10', 'SA-05'],
      },
      {
        reference: 'CA-08',
        section: 'care',
        title: 'Local offer: one place for short breaks and care information',
        description:
          'Rewrite the care pages of the local offer with parents, test them with families, and keep them reviewed every six months.',
        owner: NC_SC,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'UNIVERSAL',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2027-03-31',
        standards: ['SA-05'],
      },
      // Alternative provision (AP trust)
      {
        reference: 'AP-01',
        section: 'alternative-provision',
        title: 'Tier 1: outreach support in mainstream schools',
        description:
          'AP outreach teachers work in mainstream schools with pupils at risk of suspension, coaching staff and agreeing a support plan within two weeks of referral.',
        owner: N_AP,
        ownerEmail: 'ap@northshire.example',
        needAreas: ['SEMH'],
        phase: 'SECONDARY',
        supportLayer: 'TARGETED',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2029-07-31',
        budgetLines: [
          {
            name: 'Alternative provision',
            block: 'HIGH_NEEDS',
            amount: '480000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-07', 'SA-02'],
      },
      {
        reference: 'AP-02',
        section: 'alternative-provision',
        title: 'Tier 2: time-limited placements with a planned return',
        description:
          'Offer 12-week placements with a return plan agreed with the home school from day one, and track reintegration at 6 and 12 months.',
        owner: N_AP,
        ownerEmail: 'ap@northshire.example',
        needAreas: ['SEMH'],
        phase: 'SECONDARY',
        supportLayer: 'TARGETED_PLUS',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-07-31',
        budgetLines: [
          {
            name: 'Alternative provision',
            block: 'HIGH_NEEDS',
            amount: '900000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-07'],
      },
      {
        reference: 'AP-03',
        section: 'alternative-provision',
        title: 'Tier 3: transitional placements to a new school or post-16 route',
        description:
          'For pupils who cannot return to their school, plan the move to a new school or a post-16 destination with a named transition worker.',
        owner: N_AP,
        needAreas: ['SEMH', 'CL'],
        phase: 'SECONDARY',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2029-07-31',
        standards: ['SA-07', 'SA-06'],
      },
      {
        reference: 'AP-04',
        section: 'alternative-provision',
        title: 'Improve attendance of pupils in alternative provision',
        description:
          'Daily attendance follow-up and family liaison to raise attendance in AP academies to at least 80%.',
        owner: N_AP,
        needAreas: ['SEMH'],
        phase: 'SECONDARY',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2027-08-31',
        standards: ['SA-07'],
      },
      {
        reference: 'AP-05',
        section: 'alternative-provision',
        title: 'English and maths attainment in AP',
        description:
          'Specialist English and maths teaching in every AP academy, with entry to GCSE or functional skills for every pupil in Year 11.',
        owner: N_AP,
        needAreas: ['CL'],
        phase: 'SECONDARY',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-08-31',
        standards: ['SA-07', 'SA-03'],
      },
      {
        reference: 'AP-06',
        section: 'alternative-provision',
        title: 'Post-16 destinations: no young person leaves AP without a plan',
        description:
          'Careers guidance from Year 10 and a sustained post-16 destination tracked to the following March.',
        owner: N_AP,
        needAreas: ['SEMH', 'CL'],
        phase: 'POST_16',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'GREEN',
        start: '2026-09-01',
        due: '2029-03-31',
        standards: ['SA-07', 'SA-06'],
      },
      {
        reference: 'AP-07',
        section: 'alternative-provision',
        title: 'Identify unmet SEND needs of pupils referred to AP',
        description:
          'Screen every pupil placed in AP for speech, language and learning needs within four weeks, and request an EHC needs assessment where needed.',
        owner: N_AP,
        needAreas: ['CI', 'CL', 'SEMH'],
        phase: 'SECONDARY',
        supportLayer: 'SPECIALIST',
        progress: 'NOT_STARTED',
        start: '2027-01-01',
        due: '2027-12-31',
        standards: ['SA-07', 'SA-01'],
      },
      {
        reference: 'AP-08',
        section: 'alternative-provision',
        title: 'Published AP funding model and commissioning framework',
        description:
          'Agree with schools a transparent funding model for AP places and outreach, and publish who pays for each tier.',
        owner: NC_ED,
        ownerEmail: 'lead@northshire.example',
        needAreas: ['SEMH'],
        phase: 'SECONDARY',
        supportLayer: 'TARGETED_PLUS',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-07-31',
        budgetLines: [
          {
            name: 'Alternative provision',
            block: 'HIGH_NEEDS',
            amount: '120000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-10', 'SA-07'],
      },
      {
        reference: 'AP-09',
        section: 'alternative-provision',
        title: 'Primary AP outreach pilot',
        description:
          'Pilot tier 1 outreach in 20 primary schools with the highest suspension rates, with a behaviour and SEMH practitioner in each cluster.',
        owner: N_AP,
        needAreas: ['SEMH', 'CI'],
        phase: 'PRIMARY',
        supportLayer: 'TARGETED',
        progress: 'NOT_STARTED',
        start: '2027-09-01',
        due: '2028-07-31',
        budgetLines: [
          {
            name: 'Alternative provision',
            block: 'HIGH_NEEDS',
            amount: '160000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-07', 'SA-02'],
      },
    ],
  },
};

export const southvale: PartnershipSeed = {
  id: 'demo-partnership-southvale',
  slug: 'southvale',
  name: 'Southvale SEND Partnership',
  localAuthorityCodes: ['E06000098'],
  region: 'South East',
  organisations: [
    {
      id: SV_CC,
      name: 'Southvale Borough Council',
      typeCode: 'local-authority-education',
      isSignatory: true,
    },
    {
      id: SV_ICB,
      name: 'NHS Southvale Integrated Care Board',
      typeCode: 'integrated-care-board',
      isSignatory: true,
    },
    {
      id: SV_PCF,
      name: 'Southvale Parent Carer Forum',
      typeCode: 'parent-carer-forum',
      isSignatory: false,
    },
  ],
  users: [
    {
      email: 'lead@southvale.example',
      name: 'Chris Bennett',
      organisationId: SV_CC,
      roles: ['PARTNERSHIP_LEAD'],
      jobTitle: 'Head of SEND',
      description: 'Partnership lead (Southvale Borough Council): sees only Southvale',
    },
  ],
  plan: {
    id: 'demo-plan-southvale-lip-2026',
    title: 'Southvale Local Inclusion Plan 2026 to 2029',
    kindId: 'local-inclusion-plan',
    frameworkId: 'lip-working-2026',
    ...PERIOD,
    sections: [
      {
        key: 'education',
        ownerOrganisationId: SV_CC,
        status: 'IN_PROGRESS',
        summary: 'Inclusive mainstream schools and timely EHC plans in Southvale.',
      },
      {
        key: 'health',
        ownerOrganisationId: SV_ICB,
        status: 'NOT_STARTED',
        summary: 'Health support for children and young people with SEND in Southvale.',
      },
    ],
    commitments: [
      {
        reference: 'ED-01',
        section: 'education',
        title: 'Southvale ordinarily available provision guide',
        description:
          'Publish a guide to the support every Southvale school provides without an EHC plan.',
        owner: SV_CC,
        ownerEmail: 'lead@southvale.example',
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'UNIVERSAL',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2027-07-31',
        standards: ['SA-02'],
      },
      {
        reference: 'ED-02',
        section: 'education',
        title: 'EHC needs assessments completed within 20 weeks',
        description:
          'Track every assessment weekly and report timeliness to the partnership board.',
        owner: SV_CC,
        needAreas: ['CI', 'CL', 'SEMH', 'SP'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'RED',
        start: '2026-09-01',
        due: '2027-12-31',
        standards: ['SA-04'],
      },
      {
        reference: 'HE-01',
        section: 'health',
        title: 'Neurodevelopmental assessment waits under 40 weeks',
        description: 'Add assessment capacity and support families while they wait.',
        owner: SV_ICB,
        needAreas: ['CI', 'SEMH'],
        phase: 'ALL_AGES',
        supportLayer: 'SPECIALIST',
        progress: 'IN_PROGRESS',
        rating: 'AMBER',
        start: '2026-09-01',
        due: '2028-03-31',
        budgetLines: [
          {
            name: 'ICB children and young people transformation',
            block: 'OTHER',
            amount: '350000.00',
            financialYear: 2026,
          },
        ],
        standards: ['SA-08'],
      },
    ],
  },
};

export const demoPartnerships: readonly PartnershipSeed[] = [northshire, southvale];
