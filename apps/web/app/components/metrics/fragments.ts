// The metrics pages' shared selections, typed from the schema. Components take `ResultOf` of these
// with `import type` (erased from the browser bundle); server modules spread them into documents.
import { graphql, type ResultOf } from '../../graphql.ts';

export const OBSERVATION_POINT_FIELDS = graphql(`
  fragment ObservationPointFields on ObservationPoint {
    period
    value
    symbol
    provisional
    revised
  }
`);

export type ObservationPoint = ResultOf<typeof OBSERVATION_POINT_FIELDS>;

export const DASHBOARD_TARGET_FIELDS = graphql(`
  fragment DashboardTargetFields on MetricTarget {
    id
    targetValue
    targetPeriod
    baselineValue
    baselinePeriod
    rag
    ragReason
    commentary
    viewerCanEdit
    viewerCanComment
    metric {
      id
      title
      unit
      decimals
    }
    ownerOrganisation {
      name
    }
  }
`);

export type DashboardTarget = ResultOf<typeof DASHBOARD_TARGET_FIELDS>;

export const DASHBOARD_ITEM_FIELDS = graphql(
  `
    fragment DashboardItemFields on DashboardItem {
      metric {
        id
        title
        theme
        unit
        decimals
        polarity
        periodType
        source
        isLocal
      }
      target {
        ...DashboardTargetFields
      }
      local {
        ...ObservationPointFields
      }
      region {
        ...ObservationPointFields
      }
      england {
        ...ObservationPointFields
      }
      latest {
        ...ObservationPointFields
      }
      rag
      sectionKeys
    }
  `,
  [DASHBOARD_TARGET_FIELDS, OBSERVATION_POINT_FIELDS],
);

export type DashboardItem = ResultOf<typeof DASHBOARD_ITEM_FIELDS>;

export const IMPORT_MAPPING_FIELDS = graphql(`
  fragment ImportMappingFields on ImportMapping {
    timePeriodColumn
    timeIdentifierColumn
    geographicLevelColumn
    geographyCodeColumn
    indicatorColumn
    valueColumn
    numeratorColumn
    denominatorColumn
    filterColumns
    metricForIndicator {
      indicator
      metricId
    }
  }
`);

/** The mapping as the API answers it (ImportMappingInput takes the same fields). */
export type ImportMapping = ResultOf<typeof IMPORT_MAPPING_FIELDS>;

export const IMPORT_ROW_ERROR_FIELDS = graphql(`
  fragment ImportRowErrorFields on ImportRowError {
    row
    column
    message
  }
`);

export type ImportRowError = ResultOf<typeof IMPORT_ROW_ERROR_FIELDS>;

export const IMPORT_REPORT_ROW_FIELDS = graphql(`
  fragment ImportReportRowFields on ImportReportRow {
    row
    action
    metricId
    geography
    period
    breakdown
    before
    after
    reason
  }
`);

export type ImportReportRow = ResultOf<typeof IMPORT_REPORT_ROW_FIELDS>;
