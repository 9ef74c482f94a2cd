// Where a partnership's figures come from: its own area (local authority, or the ICB for health
// metrics), its region and England.
import type { GeographyLevel, Metric, Partnership } from '@lip/db';
import type { CoreHost } from '../host.ts';

export const ENGLAND_CODE = 'E92000001';

/** ONS codes of England's nine regions, by the names partnerships use. */
const REGION_CODES: Record<string, string> = {
  'north east': 'E12000001',
  'north west': 'E12000002',
  'yorkshire and the humber': 'E12000003',
  'yorkshire and humber': 'E12000003',
  'east midlands': 'E12000004',
  'west midlands': 'E12000005',
  'east of england': 'E12000006',
  east: 'E12000006',
  london: 'E12000007',
  'south east': 'E12000008',
  'south west': 'E12000009',
};

/** A region's ONS code from its name (or the code itself); null when unknown. */
export function regionCode(region: string | null | undefined): string | null {
  if (!region) return null;
  const text = region.trim();
  if (/^E12\d{6}$/.test(text)) return text;
  return REGION_CODES[text.toLowerCase()] ?? null;
}

export interface GeographyKey {
  level: GeographyLevel;
  code: string;
}

export type PartnershipGeography = Pick<Partnership, 'localAuthorityCodes' | 'region' | 'icbCode'> &
  Partial<Pick<Partnership, 'subIcbCodes'>>;

/** Health metrics are measured over the ICB's footprint: their theme, or a health plugin's pack. */
export function isHealthMetric(
  host: CoreHost,
  metric: Pick<Metric, 'id' | 'theme' | 'pluginId'>,
): boolean {
  if (metric.theme === 'health' || metric.pluginId === 'health') return true;
  return host.plugin('health')?.metrics?.uses?.includes(metric.id) ?? false;
}

/**
 * The partnership's own geographies for a metric, in order of preference: the ICB, then its sub-ICB
 * locations first for health metrics (some, like HLT-02, are only published per sub-ICB location),
 * else its local authorities (then the ICB and sub-ICB locations, for measures only published so).
 */
export function localGeographies(
  host: CoreHost,
  partnership: PartnershipGeography,
  metric: Pick<Metric, 'id' | 'theme' | 'pluginId'>,
): GeographyKey[] {
  const las = partnership.localAuthorityCodes.map((code) => ({
    level: 'LOCAL_AUTHORITY' as const,
    code,
  }));
  const nhs: GeographyKey[] = [
    ...(partnership.icbCode ? [{ level: 'ICB' as const, code: partnership.icbCode }] : []),
    ...(partnership.subIcbCodes ?? []).map((code) => ({ level: 'SUB_ICB' as const, code })),
  ];
  return isHealthMetric(host, metric) ? [...nhs, ...las] : [...las, ...nhs];
}
