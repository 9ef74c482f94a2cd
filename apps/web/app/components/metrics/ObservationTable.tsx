import { numericCell, Table } from '@lip/ui';
import type { ObservationPoint } from './fragments.ts';
import { DISCLOSURE_SYMBOLS, formatValue } from './labels.ts';

interface Props {
  caption: string;
  unit: string;
  /** The metric's published decimal places. */
  decimals?: number;
  local: ObservationPoint[];
  region: ObservationPoint[];
  england: ObservationPoint[];
  /** How a period code reads ("2025-03" → "March 2025"); rows stay in period-code order. */
  periodLabel?: (period: string) => string;
}

function cellText(
  point: ObservationPoint | undefined,
  unit: string,
  decimals: number | undefined,
): string {
  if (!point) return 'No figure';
  const shown = point.symbol ? point.symbol : formatValue(point.value, unit, decimals);
  const flags = [point.provisional && 'provisional', point.revised && 'revised'].filter(Boolean);
  return flags.length > 0 ? `${shown} (${flags.join(', ')})` : shown;
}

/** Symbols that appear in any of the series, so the key explains only what is shown. */
export function symbolsIn(...series: ObservationPoint[][]): string[] {
  const present = new Set(series.flat().flatMap((p) => (p.symbol ? [p.symbol] : [])));
  return DISCLOSURE_SYMBOLS.filter((s) => present.has(s.symbol)).map((s) => s.symbol);
}

/**
 * The chart's figures as a table: a row per period, a column per geography. Disclosure symbols are
 * shown as published and explained under the table.
 */
export function ObservationTable({
  caption,
  unit,
  decimals,
  local,
  region,
  england,
  periodLabel = (period) => period,
}: Props) {
  const periods = [...new Set([...local, ...region, ...england].map((p) => p.period))].sort();
  const byPeriod = (series: ObservationPoint[]) => new Map(series.map((p) => [p.period, p]));
  const [l, r, e] = [byPeriod(local), byPeriod(region), byPeriod(england)];
  const symbols = symbolsIn(local, region, england);
  return (
    <>
      <Table
        caption={caption}
        captionSize="s"
        firstCellIsHeader
        head={['Period', ...['Local', 'Region', 'England'].map(numericCell)]}
        rowKeys={periods}
        rows={periods.map((period) => [
          periodLabel(period),
          ...[l, r, e].map((series) => numericCell(cellText(series.get(period), unit, decimals))),
        ])}
      />
      {symbols.length > 0 && (
        <dl className="govuk-body-s">
          {DISCLOSURE_SYMBOLS.filter((s) => symbols.includes(s.symbol)).map((s) => (
            <div key={s.symbol}>
              <dt className="govuk-!-display-inline govuk-!-font-weight-bold">{s.symbol}</dt>
              <dd className="govuk-!-display-inline govuk-!-margin-left-1">{s.meaning}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
