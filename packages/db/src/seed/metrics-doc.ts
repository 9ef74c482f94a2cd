// docs/metrics.md, written from the catalogue seed: `pnpm --filter @lip/db metrics:doc` rewrites it,
// and test/metrics-doc.test.ts fails when it is out of date.
import { metrics, type MetricSeed } from './catalogue.ts';

const POLARITY: Record<MetricSeed['polarity'], string> = {
  HIGHER_BETTER: 'higher is better',
  LOWER_BETTER: 'lower is better',
  CONTEXT: 'none (context; a target sets the direction)',
};

const PERIOD: Record<MetricSeed['periodType'], string> = {
  CALENDAR_YEAR: 'calendar year ("2024")',
  ACADEMIC_YEAR: 'academic year ("2023/24", DfE 202324)',
  FINANCIAL_YEAR: 'financial year ("2023-24", DfE 202324)',
  JANUARY_SNAPSHOT: 'January census ("2024")',
  MARCH_SNAPSHOT: '31 March ("2024")',
  MONTHLY: 'month ("2024-03")',
  ROLLING_12_MONTHS: '12 months ending ("2024-03")',
  EVENT: 'event',
  LOCAL: 'set by the partnership',
};

const cell = (text: string | null | undefined) =>
  (text ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

export function metricsMarkdown(list: readonly MetricSeed[] = metrics): string {
  const lines = [
    '# Metrics',
    '',
    '<!-- Written by `pnpm --filter @lip/db metrics:doc` from packages/db/src/seed/catalogue.ts: edit the seed, not this file. -->',
    '',
    `The national catalogue: ${list.length} measures, each as its DfE (or NHS England, HMCTS, Ofsted) release`,
    "publishes it. Definitions were checked against DfE's Local Authority Interactive Tool (LAIT) data",
    'dictionary ("Children with SEN" measures); the LAIT column names the measure there.',
    '',
    '- **Polarity**: which way is better, as LAIT gives it. Where LAIT gives none ("-"), the measure is',
    '  context: it is shown without a RAG direction, and a target rates it in the direction from its',
    '  baseline to its target value.',
    '- **Period**: how the release labels its figures, and how lip stores the period. DfE files give it',
    '  as `time_period` with `time_identifier` ("Calendar year", "Academic year", "Financial year"...).',
    "- **Decimals**: the places figures are published to, used on every page and export. LAIT's `dps`",
    "  where it gives one; otherwise the release's own (percentages and scores to 1, counts and pounds",
    '  to 0). Counts are always whole numbers, even where LAIT lists 2.',
    '- **DfE names**: the indicator value (tidy files) or column (wide files, such as `sen2_mi.csv`)',
    '  the import maps to the measure without being told.',
    '',
    '| Code | Measure | Numerator / denominator | Unit | Polarity | Period | Decimals | Source | LAIT | DfE names |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const m of list) {
    const fraction =
      m.numerator || m.denominator
        ? `${cell(m.numerator) || '–'}${m.denominator ? ` / ${cell(m.denominator)}` : ''}`
        : '';
    const where = m.geographies.length
      ? ` (${m.geographies.map((g) => (g === 'SUB_ICB' ? 'sub-ICB location' : 'ICB')).join(', ')})`
      : '';
    const source = m.sourceUrl ? `[${cell(m.source)}](${m.sourceUrl})` : cell(m.source);
    lines.push(
      `| ${m.id} | ${cell(m.title)} | ${fraction} | ${m.unit} | ${POLARITY[m.polarity]} | ${PERIOD[m.periodType]} | ${m.decimals} | ${source}${where} | ${m.lait ? `\`${m.lait}\`` : ''} | ${m.indicators.map((i) => `\`${i}\``).join(', ')} |`,
    );
  }
  lines.push(
    '',
    'Local metrics a partnership adds itself are not listed here; they default to 0 decimals for counts',
    'and 1 otherwise. How figures are imported: [api-metrics.md](api-metrics.md).',
    '',
  );
  return lines.join('\n');
}
