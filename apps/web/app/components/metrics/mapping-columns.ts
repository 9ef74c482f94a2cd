// The import mapping's column roles: shared by the mapping form and its action. The mapping's
// shape is the schema's (ImportMapping), through its fragment.
import type { ImportMapping } from './fragments.ts';

export type { ImportMapping };

/** The single-column roles of the mapping, in the order the mapping form asks for them. */
export const MAPPING_COLUMNS: ReadonlyArray<{
  name: Exclude<keyof ImportMapping, 'filterColumns' | 'metricForIndicator'>;
  label: string;
  hint: string;
}> = [
  {
    name: 'timePeriodColumn',
    label: 'Time period',
    hint: 'For example time_period: 2023, 202324 or 2024-01',
  },
  {
    name: 'timeIdentifierColumn',
    label: 'Time identifier',
    hint: 'For example time_identifier: Calendar year, Academic year',
  },
  {
    name: 'geographicLevelColumn',
    label: 'Geographic level',
    hint: 'For example geographic_level: National, Regional, Local authority',
  },
  {
    name: 'geographyCodeColumn',
    label: 'Geography code',
    hint: 'Leave it to the geographic level when each level has its own column (country_code, region_code, new_la_code)',
  },
  {
    name: 'indicatorColumn',
    label: 'Indicator',
    hint: 'The column naming the measure, in the tidy layout. Not in this file: one column per indicator (wide layout)',
  },
  {
    name: 'valueColumn',
    label: 'Value',
    hint: 'The indicator’s figure in the tidy layout, or a disclosure symbol such as c or x',
  },
  { name: 'numeratorColumn', label: 'Numerator', hint: 'Optional' },
  { name: 'denominatorColumn', label: 'Denominator', hint: 'Optional' },
];
