import { bindFields, FormActions, Input, Select } from '@lip/ui';
import type { TargetRecord } from '../../lib/metrics-targets.server.ts';
import { themeTitle } from './labels.ts';

export interface TargetValues {
  metricId: string;
  ownerOrganisationId: string;
  baselineValue: string;
  baselinePeriod: string;
  targetValue: string;
  targetPeriod: string;
}

export const TARGET_FIELDS: ReadonlyArray<{ name: keyof TargetValues; label: string }> = [
  { name: 'metricId', label: 'Metric' },
  { name: 'ownerOrganisationId', label: 'Owner organisation' },
  { name: 'baselineValue', label: 'Baseline value' },
  { name: 'baselinePeriod', label: 'Baseline period' },
  { name: 'targetValue', label: 'Target value' },
  { name: 'targetPeriod', label: 'Target period' },
];

/** A target's recorded values, as the form shows them. */
export type TargetRecordValues = Pick<
  TargetRecord,
  | 'baselineValue'
  | 'baselinePeriod'
  | 'targetValue'
  | 'targetPeriod'
  | 'metric'
  | 'ownerOrganisation'
>;

export function emptyTargetValues(): TargetValues {
  return {
    metricId: '',
    ownerOrganisationId: '',
    baselineValue: '',
    baselinePeriod: '',
    targetValue: '',
    targetPeriod: '',
  };
}

export function valuesOfTarget(target: TargetRecordValues): TargetValues {
  return {
    metricId: target.metric.id,
    ownerOrganisationId: target.ownerOrganisation?.id ?? '',
    baselineValue: target.baselineValue ?? '',
    baselinePeriod: target.baselinePeriod ?? '',
    targetValue: target.targetValue,
    targetPeriod: target.targetPeriod,
  };
}

/** Error summary items in the form's field order (anything else links to the first field). */
export function targetSummary(
  errors: Readonly<Record<string, string>>,
): Array<{ href: string; text: string }> {
  const items = TARGET_FIELDS.flatMap((f) =>
    errors[f.name] ? [{ href: f.name, text: errors[f.name] ?? '' }] : [],
  );
  const known = new Set<string>(TARGET_FIELDS.map((f) => f.name));
  for (const [name, text] of Object.entries(errors))
    if (!known.has(name)) items.push({ href: 'metricId', text });
  return items;
}

interface Props {
  values: TargetValues;
  errors: Readonly<Record<string, string>>;
  metrics: ReadonlyArray<{ id: string; title: string; theme: string; isLocal: boolean }>;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  /** The metric cannot change once a target exists: delete it and add another instead. */
  metricFixed?: { id: string; title: string };
  version?: number;
  submitText: string;
  cancelHref: string;
}

export function TargetForm({
  values,
  errors,
  metrics,
  organisations,
  metricFixed,
  version,
  submitText,
  cancelHref,
}: Props) {
  const field = bindFields(values, errors);
  return (
    <form method="post" noValidate>
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {metricFixed ? (
        <>
          <input type="hidden" name="metricId" value={metricFixed.id} />
          <h2 className="govuk-heading-m">{metricFixed.title}</h2>
        </>
      ) : (
        <Select
          {...field.text('metricId')}
          label="Metric"
          options={[
            { value: '', text: 'Select a metric' },
            ...metrics.map((m) => ({
              value: m.id,
              text: `${m.title} (${m.isLocal ? 'local' : themeTitle(m.theme)})`,
            })),
          ]}
        />
      )}
      <Select
        {...field.text('ownerOrganisationId')}
        label="Owner organisation"
        hint="The organisation answerable for this metric. It writes the commentary when the target is off track."
        options={[
          { value: '', text: 'No owner' },
          ...organisations.map((o) => ({ value: o.id, text: o.name })),
        ]}
      />
      <Input
        {...field.text('baselineValue')}
        label="Baseline value (optional)"
        hint="The figure you are starting from, for example 61.5"
        inputMode="decimal"
        width="10"
      />
      <Input
        {...field.text('baselinePeriod')}
        label="Baseline period (optional)"
        hint="In the metric’s periods, for example 2023 for a calendar year or 2023/24 for an academic year"
        width="10"
      />
      <Input {...field.text('targetValue')} label="Target value" inputMode="decimal" width="10" />
      <Input
        {...field.text('targetPeriod')}
        label="Target period"
        hint="The period by which the target should be met"
        width="10"
      />
      <FormActions submit={submitText} cancelHref={cancelHref} />
    </form>
  );
}
