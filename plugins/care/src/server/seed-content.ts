// Demo content for Northshire's social care section (fictional; aggregate figures only, plausible
// for a county of Northshire's size, not real). Written once by the plugin's seed, only if the
// section has no data. The review date is relative to the day of seeding, so the demo stays in date.
import type { CareFields } from '../fields.ts';

/** A date `months` before `today`, as YYYY-MM-DD. */
function monthsAgo(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  return d.toISOString().slice(0, 10);
}

export function northshireCare(today = new Date()): CareFields {
  return {
    shortBreaksStatementUrl: 'https://www.northshire.example/local-offer/short-breaks-statement',
    shortBreaksRange:
      'Universal holiday and after-school clubs with trained inclusion staff at 38 sites; targeted evening and weekend ' +
      'youth clubs run with Northshire Mencap; assessed day, overnight and holiday breaks at Beech House and Linden Lodge; ' +
      'and direct payments for families who arrange their own carers.',
    shortBreaksEligibility:
      'Universal breaks are open to any child or young person up to 18 with SEND, without an assessment. Targeted breaks need ' +
      'a short form from the family or a professional. Overnight and specialist breaks follow a child and family assessment ' +
      'under the Children Act 1989.',
    shortBreaksCarersNeeds:
      'Breaks are arranged around parent carers’ working patterns and school holidays; siblings can attend universal clubs; ' +
      'the carers’ assessment asks what a break must allow the family to do, and reviews check it did.',
    shortBreaksLastReviewedWithParents: monthsAgo(today, 5),
    overnightRespitePlaces: 26,
    respiteSummary:
      '26 commissioned overnight places across two residential short break homes and 14 approved family-based short break ' +
      'carers. Families wait on average 11 weeks for a first overnight break; a third home with 8 places opens in 2027.',
    familyHubCount: 12,
    familyHubsSummary:
      'Each of the 12 family hubs has a SEND family worker, hosts monthly drop-ins with SENDIASS and the parent carer forum, and ' +
      'runs early help for families waiting for a neurodevelopmental assessment.',
    childrenInNeedWithSend: 1840,
    childProtectionPlansWithSend: 215,
    lookedAfterWithSend: 410,
    countsAsAt: '2026-03-31',
    socialCareSendSummary:
      'Social care advice for EHC needs assessments is returned within six weeks in 82% of cases. The virtual school head ' +
      'attends the SEND panel for every looked-after child, and personal education plans are aligned with EHC plan outcomes.',
  };
}
