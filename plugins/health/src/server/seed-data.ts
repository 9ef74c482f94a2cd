// Demo content for Northshire's health section. The DCO/DMO's name is left for the demo journey
// to fill in (the section is not ready until it is).
import type { HealthFields } from '../fields.ts';

export const northshireHealth: Partial<HealthFields> = {
  icbExecutiveLead: 'Dr Priya Shah',
  icbExecutiveLeadRole: 'Chief Nursing Officer, NHS Northshire ICB',
  dcoName: null,
  dcoRole: 'Designated Clinical Officer for SEND',
  dcoEmail: null,
  jointCommissioning: [
    {
      what: 'Speech and language therapy for children with EHC plans',
      by: 'NHS Northshire ICB (lead commissioner) with Northshire County Council',
      budget: 'Pooled budget under a section 75 agreement',
    },
    {
      what: 'Specialist equipment for children with complex physical needs',
      by: 'Northshire County Council with NHS Northshire ICB',
      budget: 'Joint equipment store budget',
    },
    {
      what: 'Short breaks for children with complex health needs',
      by: 'Northshire County Council',
      budget: 'Council social care budget, with ICB continuing care contributions',
    },
  ],
  therapies:
    'Speech and language therapy, occupational therapy and physiotherapy are delivered by Northshire Community Health Services in ' +
    'family hubs, special schools and a mainstream outreach team. Schools can ask for advice without a referral.',
  mentalHealth: {
    summary:
      'Mental health support teams cover 60% of Northshire schools; the single point of access triages referrals to CAMHS within 5 working days.',
    waits: 'Median 14 weeks from referral to treatment (March 2026)',
  },
  neurodevelopmental: {
    summary:
      'One neurodevelopmental pathway for autism and ADHD assessments from 0 to 18, with support offered while children wait.',
    waits: '62% of open suspected-autism referrals waiting 13 weeks or more (March 2026)',
  },
};
