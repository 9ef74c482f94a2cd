export {
  buildPlanView,
  anchorFor,
  parseBreakdown,
  type PlanView,
  type SectionView,
  type CommitmentView,
  type MetricView,
  type FigureView,
} from './model.ts';
export {
  DISCLOSURE_SYMBOLS,
  type DisclosureSymbol,
  PLAN_STATE_LABELS,
  RAG_STATUS_LABELS,
  RATING_LABELS,
  RATING_MEANINGS,
  PHASE_LABELS,
  SUPPORT_LAYER_LABELS,
  DECISION_LABELS,
  COPRODUCTION_KIND_LABELS,
  formatDate,
} from './labels.ts';
export {
  PublishedPlan,
  PART_ANCHORS,
  type PublishedPlanProps,
  type PublicationDownload,
} from './html.tsx';
export { renderHtmlDocument, type HtmlDocumentOptions } from './document.tsx';
export { renderDocx, buildDocx } from './docx.ts';
export {
  renderCsv,
  csvField,
  csvText,
  neutraliseFormula,
  ENGLAND_CODE,
  type CsvFile,
} from './csv.ts';
export {
  renderJson,
  publicationJsonSchema,
  publicationJsonSchemaText,
  type JsonSchema,
} from './json.ts';
export { renderZip, type ZipFormat, type ZipOptions } from './zip.ts';
export {
  SETTING_CATEGORY_LABELS,
  NEED_AREA_LABELS,
  settingCategoryLabel,
  needAreaLabel,
  ageRangeText,
  settingsOf,
  filterSettings,
  groupSettings,
  renderSettingsCsv,
  renderSettingsJson,
  type SettingsFilter,
  type SettingsGroup,
} from './settings.ts';
