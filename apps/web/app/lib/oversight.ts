// What the oversight pages and their server code share: the filters, their labels and how a
// figure reads. No server code, so route components may import it.
import { PLAN_STATE_LABELS } from '@lip/publish/labels';
import { formatValue } from '../components/metrics/labels.ts';

export const PLAN_STATE_FILTERS = ['DRAFT', 'PARTNER_REVIEW', 'SIGNED_OFF', 'PUBLISHED'] as const;
export type StateFilter = (typeof PLAN_STATE_FILTERS)[number];
export const SORTS = {
  NAME: 'Partnership name',
  REGION: 'Region',
  STATE: 'Plan state',
  LAST_PUBLISHED: 'Last published (newest first)',
  UNCOVERED_AREAS: 'Standards areas uncovered (most first)',
  RED_TARGETS: 'Red targets (most first)',
  SIGN_OFFS_OUTSTANDING: 'Sign-offs outstanding (most first)',
} as const;
export type Sort = keyof typeof SORTS;

export interface OversightFilters {
  region: string;
  icb: string;
  state: StateFilter | '';
  sort: Sort;
}

/** The filters as a query string ("" when none), for links and the CSV download. */
export function queryOf(filters: OversightFilters): string {
  const params = new URLSearchParams();
  if (filters.region) params.set('region', filters.region);
  if (filters.icb) params.set('icb', filters.icb);
  if (filters.state) params.set('state', filters.state);
  if (filters.sort !== 'NAME') params.set('sort', filters.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const HEAT_MAP_LABELS: Record<string, string> = {
  COVERED: 'Covered',
  NOT_APPLICABLE: 'Not applicable',
  GAP: 'Gap',
  NOT_IN_FRAMEWORK: 'Not in framework',
};

export const stateLabel = (state: string | null) =>
  state === null
    ? 'No plan'
    : (PLAN_STATE_LABELS[state as keyof typeof PLAN_STATE_LABELS] ?? state);

/** A figure as text: the value with its unit, or the disclosure symbol in its place. */
export function figureText(
  figure: { value: string | null; symbol: string | null } | null | undefined,
  unit: string,
): string {
  if (!figure) return 'No figure';
  if (figure.value === null) return figure.symbol ? `Not shown (${figure.symbol})` : 'No figure';
  return formatValue(figure.value, unit);
}
