// The plugin contract. Declared in core (the SDK re-exports it) so there is no core ⇄ SDK cycle.
// It imports nothing: the builder and the core's references that `register` receives are named by
// `./refs.ts` (see PluginRegistration), so this module, which every part of the core reads, stays
// out of the import cycle of the schema modules (builder.ts → errors.ts → … → schema.ts).

/** One of a section's commitments, as a readiness check sees it. */
export interface CommitmentSummary {
  reference: string;
  title: string;
  /** Codes of the standard areas it is mapped to, e.g. ["SA-08"]. */
  standards: string[];
  /** NOT_STARTED, RED, AMBER, GREEN or COMPLETE. */
  rag: string;
}

/** The section's commitments: an array (with `count` for readability). */
export type CommitmentsSummary = readonly CommitmentSummary[] & { readonly count: number };

export interface ReadinessInput<F = Record<string, unknown>> {
  /** The section's own fields (typed by the SDK from `sections[].fields`; else the stored data). */
  fields: F;
  commitments: CommitmentsSummary;
}

/** `true` when it passes, else the message a person can act on ("Name the DCO/DMO"). */
export type ReadinessOutcome = true | string;

export interface ReadinessCheck<F = Record<string, unknown>> {
  /** Prefixed with the plugin id: "health.dco-named". */
  id: string;
  /** What must be true, e.g. "DCO/DMO named". */
  title: string;
  /**
   * The form field a person changes to pass it, as a dotted path ("dcoName",
   * "mentalHealth.summary"), or a function of the fields naming the one to change first; the web
   * app links the check to that field. None for checks about commitments.
   */
  field?: string | ((fields: F) => string | null);
  check(input: ReadinessInput<F>): ReadinessOutcome | Promise<ReadinessOutcome>;
}

/** A metric a plugin adds, same shape as the national catalogue's (ids prefixed, e.g. "APO-1"). */
export interface MetricDefinition {
  id: string;
  theme: string;
  title: string;
  numerator?: string | null;
  denominator?: string | null;
  unit: string;
  polarity: 'HIGHER_BETTER' | 'LOWER_BETTER' | 'CONTEXT';
  periodType:
    | 'CALENDAR_YEAR'
    | 'ACADEMIC_YEAR'
    | 'FINANCIAL_YEAR'
    | 'JANUARY_SNAPSHOT'
    | 'MONTHLY'
    | 'ROLLING_12_MONTHS'
    | 'MARCH_SNAPSHOT'
    | 'EVENT'
    | 'LOCAL';
  source?: string | null;
  status: 'PROPOSED' | 'TESTED' | 'CONFIRMED' | 'LOCAL';
}

export interface PluginMetrics {
  /** National catalogue ids the plugin's sections report on (tagged with the plugin id on seed). */
  uses?: readonly string[];
  /** New metric definitions (upserted on seed). */
  adds?: readonly MetricDefinition[];
}

export interface DemoPlan {
  /** The plan's global id (as the API gives it). */
  planId: string;
  partnershipSlug: string;
  title: string;
}

export interface PluginSeedContext {
  /** True when seeding demo data (`--demo`, the test harness). */
  demo: boolean;
  /** Every plan of the demo partnerships (empty unless `demo`). */
  demoPlans(): Promise<DemoPlan[]>;
  /**
   * Writes this plugin's data on a plan's section only if it has none yet (version +1, audited as
   * the system). Returns whether it wrote.
   */
  fillSectionData(
    planId: string,
    sectionKey: string,
    data: Record<string, unknown>,
  ): Promise<boolean>;
}

export interface SectionDefinition {
  /** Unique across all plugins, kebab-case: "health". */
  key: string;
  /** Shown to people: "Health". */
  title: string;
  /** Order of the section in a plan. */
  position: number;
  /**
   * Organisation types that may write this section, most preferred first, e.g.
   * ["integrated-care-board"]. Each plan names one organisation (the lead can change it); until it
   * does, the partnership's organisation of the first type it has writes the section.
   */
  ownerOrganisationTypes: string[];
  /** What must be true before the section counts as complete. Ids carry the plugin id as prefix. */
  readinessChecks?: readonly ReadinessCheck[];
  /** Codes of the standard areas its commitments usually map to, e.g. ["SA-08", "SA-10"]. */
  standardsSuggestions?: readonly string[];
  /**
   * Fields that show and edit the plan's target of a metric in the plugin's pack (the SDK sets
   * them from `field.metricTarget`): never stored with the section; read from and written to the
   * metric target (decision 027). `path` is dotted ("apo1.target").
   */
  metricTargetFields?: readonly SectionMetricTargetField[];
  /** Reads stored data as the fields readiness checks see (the SDK sets it from `fields`). */
  readFields?: (data: Record<string, unknown>) => Record<string, unknown>;
  /** Stored data as labelled text, in the plugin's order, for frozen versions (the SDK sets it from `fields`). */
  describeFields?: (
    data: Record<string, unknown>,
  ) => Array<{ key: string; label: string; value: string }>;
  /**
   * The same as it may be published (the SDK sets it from `fields`): counts of children through
   * `protect` (the partnership's disclosure rule, one call per count group), not-for-publication
   * fields left out. A field with a count published as "c" carries `symbol: 'c'`.
   */
  publishFields?: (data: Record<string, unknown>, protect: CountProtector) => PublishedFieldText[];
}

/** A section field bound to a metric's target (see SectionDefinition.metricTargetFields). */
export interface SectionMetricTargetField {
  path: string;
  metric: string;
  label: string;
}

/** Protects one group of counts published side by side: each a number, "c" (suppressed) or null. */
export type CountProtector = (counts: readonly (number | null)[]) => Array<number | 'c' | null>;

/** A field as published: labelled text, and "c" when a count in it is suppressed. */
export interface PublishedFieldText {
  key: string;
  label: string;
  value: string;
  symbol?: 'c';
}

/**
 * What a plugin's `register` receives: `{ builder: LipBuilder; refs: CoreRefs }`. Declared empty
 * here and completed by declaration merging in `./refs.ts`, which knows the builder and the core's
 * type references.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed in ./refs.ts
export interface PluginRegistration {}

type RegisteredBuilder = PluginRegistration extends { builder: infer B } ? B : never;
type RegisteredRefs = PluginRegistration extends { refs: infer R } ? R : never;

export interface LipPlugin {
  /** kebab-case, unique; prefixes the plugin's type names (PascalCase) and data namespace. */
  id: string;
  name: string;
  version: string;
  /** semver range of @lip/core this plugin works with, e.g. "^0.1.0". */
  coreRange: string;
  sections?: SectionDefinition[];
  /** Adds types and fields to the core's builder through the references core exports. */
  register?: (builder: RegisteredBuilder, refs: RegisteredRefs) => void;
  /** The plugin's metric pack. */
  metrics?: PluginMetrics;
  /** Idempotent seed content, run after the core seed (`runPluginSeeds`). */
  seed?: (ctx: PluginSeedContext) => Promise<void>;
  /**
   * Fields the plugin adds to settings in the partnership's settings directory (education: SEN
   * units and places; AP: its tier). The SDK builds it from `settingsFields` in `definePlugin`.
   */
  settingsFields?: SettingsFieldsDefinition;
}

/** The categories of the settings directory (SettingCategory in the database). */
export type SettingCategoryName =
  | 'MAINSTREAM'
  | 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT'
  | 'SPECIAL'
  | 'INDEPENDENT_SPECIAL'
  | 'ALTERNATIVE_PROVISION';

/** One field a plugin adds to settings, as a form shows it (flat: no groups or lists). */
export interface SettingsFieldMeta {
  /** camelCase key, unique in the plugin. */
  key: string;
  label: string;
  hint?: string;
  /** text, integer, boolean or choice. */
  kind: 'text' | 'integer' | 'boolean' | 'choice';
  options?: ReadonlyArray<{ value: string; label: string }>;
  min?: number;
  max?: number;
}

export type SettingsFieldsResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: Array<{ path: string[]; message: string }> };

export interface SettingsFieldsDefinition {
  /**
   * The categories of setting these fields are asked for, e.g. ["ALTERNATIVE_PROVISION"]. The
   * editors of the plugin's section (its owner organisation types) may edit settings of these
   * categories, as the partnership lead may edit every setting.
   */
  categories: readonly SettingCategoryName[];
  /** The fields in order, for forms and for the published list's columns. */
  meta: readonly SettingsFieldMeta[];
  /** Checks values typed or posted ("12" or 12; "" is not given): the values to store, or errors. */
  validate(data: unknown): SettingsFieldsResult;
  /** Stored values as labelled text ("" when not given), in the plugin's order. */
  describe(data: unknown): Array<{ key: string; label: string; value: string }>;
  /**
   * Values read from a row of the GIAS establishment file (by its column headers, e.g.
   * "SenUnitCapacity"), checked with `validate` on import; settings added by hand are typed in.
   */
  fromGias?: (row: Readonly<Record<string, string>>) => Record<string, unknown>;
}

export interface InstalledSection extends SectionDefinition {
  pluginId: string;
}
