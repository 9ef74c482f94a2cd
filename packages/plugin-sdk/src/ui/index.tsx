// `@lip/plugin-sdk/ui`: a generic GOV.UK summary and editor for a section's declared fields, with the
// GraphQL documents and form mapping the web app expects (the `SectionUi` contract of @lip/ui).
// Browser-safe: no server code.
import type { ComponentType, ReactNode } from 'react';
import {
  Fieldset,
  Input,
  Radios,
  SummaryList,
  Textarea,
  defineSectionUi,
  type FieldErrors,
  type FormValues,
  type SectionBase,
  type SectionField,
  type SectionGroup,
  type SectionUi,
} from '@lip/ui';
import type { FieldMeta, FieldSet, FieldShape } from '../fields.ts';
import { pascalCase, sectionNames } from '../naming.ts';
import { notGiven, showCount, showDate, showLink, showMoney, showText } from './show.tsx';

export { definePluginUi, defineSectionUi, formText, type PluginUi, type SectionUi } from '@lip/ui';
export { ListTable } from './list-table.tsx';
export {
  govukDate,
  notGiven,
  showCount,
  showDate,
  showLink,
  showMoney,
  showText,
} from './show.tsx';

type Values = Record<string, unknown>;
export type GenericSection = SectionBase & Record<string, unknown>;

export interface CreateSectionUiOptions {
  sectionKey: string;
  fields: FieldSet<FieldShape>;
  /** Replace the generic summary. */
  Summary?: ComponentType<{ section: GenericSection }>;
  /** Replace the generic editor (keep the input names of `formName`). */
  Editor?: ComponentType<{ values: FormValues; errors: FieldErrors }>;
}

/** The GraphQL selection of a field set: "a b group { c } list { d e }". */
export function selectionOf(meta: readonly FieldMeta[]): string {
  return meta
    .map((m) =>
      m.fields ? `${m.name} { ${m.kind === 'list' ? 'id ' : ''}${selectionOf(m.fields)} }` : m.name,
    )
    .join(' ');
}

/** The form input name of a field: "dcoName", "earlyYears.url", "arrangements.0.budget". */
export const formName = (...parts: (string | number)[]) => parts.join('.');
/** The element id of a form input (dots become dashes). */
export const formId = (name: string) => name.replace(/\./g, '-');

function scalarToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** The saved values of a section's fields as flat form values. */
export function toFormValues(
  meta: readonly FieldMeta[],
  values: Values | null | undefined,
  prefix: string[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of meta) {
    const value = values?.[m.name];
    const name = [...prefix, m.name];
    if (m.kind === 'group')
      Object.assign(out, toFormValues(m.fields ?? [], value as Values | null, name));
    else if (m.kind === 'list') {
      (Array.isArray(value) ? (value as Values[]) : []).forEach((row, i) => {
        Object.assign(out, toFormValues(m.fields ?? [], row, [...name, String(i)]));
        // The row's id goes back with the form, so the server merges it by id, not position.
        if (typeof row?.id === 'string') out[formName(...name, String(i), 'id')] = row.id;
      });
    } else out[formName(...name)] = scalarToText(value);
  }
  return out;
}

function readScalar(m: FieldMeta, raw: FormDataEntryValue | null): unknown {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  if (
    m.kind === 'integer' ||
    m.kind === 'decimal' ||
    m.kind === 'money' ||
    m.kind === 'metricTarget'
  ) {
    // "£1,250", "85 %": a pound sign, thousands commas and, for a figure, a trailing per cent sign
    // are how people write numbers; they are not part of the value.
    const withoutSymbols = text.replace(/[£,\s]/g, '');
    const cleaned = m.kind === 'money' ? withoutSymbols : withoutSymbols.replace(/%$/, '');
    const n = Number(cleaned);
    // Not a number: sent as typed, so the API answers with the field's message.
    return cleaned !== '' && Number.isFinite(n) ? n : text;
  }
  if (m.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

/** A submitted form as the values of a field set (list rows left blank are dropped). */
export function fromFormData(
  meta: readonly FieldMeta[],
  formData: FormData,
  prefix: string[] = [],
): Values {
  const out: Values = {};
  for (const m of meta) {
    const name = [...prefix, m.name];
    if (m.kind === 'group') out[m.name] = fromFormData(m.fields ?? [], formData, name);
    else if (m.kind === 'list') {
      const start = `${formName(...name)}.`;
      const indices = new Set<number>();
      for (const key of formData.keys()) {
        if (!key.startsWith(start)) continue;
        const index = Number(key.slice(start.length).split('.')[0]);
        if (Number.isInteger(index) && index >= 0) indices.add(index);
      }
      out[m.name] = [...indices]
        .sort((a, b) => a - b)
        .map((i) => {
          const row = fromFormData(m.fields ?? [], formData, [...name, String(i)]);
          const id = formData.get(formName(...name, String(i), 'id'));
          return typeof id === 'string' && id !== '' ? { ...row, id } : row;
        })
        // A row left blank is dropped (deleted, if it had an id).
        .filter((row) => Object.entries(row).some(([k, v]) => k !== 'id' && v !== null));
    } else out[m.name] = readScalar(m, formData.get(formName(...name)));
  }
  return out;
}

function display(m: FieldMeta, value: unknown): ReactNode {
  if (value === null || value === undefined || value === '') return notGiven;
  if (m.kind === 'boolean') return value ? 'Yes' : 'No';
  if (m.kind === 'choice') return m.options?.find((o) => o.value === value)?.label ?? String(value);
  if (m.kind === 'money') return showMoney(Number(value));
  if (m.kind === 'integer' || m.kind === 'decimal' || m.kind === 'metricTarget')
    return showCount(Number(value));
  if (m.kind === 'date') return showDate(String(value));
  if (m.kind === 'url') return showLink(String(value));
  if (m.kind === 'longText') return showText(String(value));
  return String(value);
}

function summaryRows(
  meta: readonly FieldMeta[],
  values: Values | null | undefined,
): { key: ReactNode; value: ReactNode }[] {
  return meta.map((m) => {
    const value = values?.[m.name];
    if (m.kind === 'group') {
      return {
        key: m.label,
        value: <SummaryList rows={summaryRows(m.fields ?? [], value as Values | null)} />,
      };
    }
    if (m.kind === 'list') {
      const rows = Array.isArray(value) ? (value as Values[]) : [];
      return {
        key: m.label,
        value:
          rows.length === 0 ? (
            <span className="govuk-hint govuk-!-margin-0">None given yet</span>
          ) : (
            <>
              {rows.map((row, i) => (
                <div key={i}>
                  {/* Not a heading: the summary sits under whatever heading level the host page chose. */}
                  <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{`${m.itemLabel ?? 'Row'} ${i + 1}`}</p>
                  <SummaryList rows={summaryRows(m.fields ?? [], row)} />
                </div>
              ))}
            </>
          ),
      };
    }
    return { key: m.label, value: display(m, value) };
  });
}

function rowCount(values: FormValues, name: string): number {
  let count = 0;
  const start = `${name}.`;
  for (const key of Object.keys(values)) {
    if (!key.startsWith(start)) continue;
    const index = Number(key.slice(start.length).split('.')[0]);
    if (Number.isInteger(index) && index + 1 > count) count = index + 1;
  }
  return count;
}

function EditorFields({
  meta,
  values,
  errors,
  prefix,
}: {
  meta: readonly FieldMeta[];
  values: FormValues;
  errors: FieldErrors;
  prefix: string[];
}) {
  return (
    <>
      {meta.map((m) => {
        const name = formName(...prefix, m.name);
        // Errors are keyed by the top-level field (the app maps `fieldErrors[].path[0]`).
        const error = prefix.length === 0 ? errors[m.name] : undefined;
        const id = formId(name);
        const value = values[name] ?? '';
        if (m.kind === 'group' || m.kind === 'list') {
          const rows = m.kind === 'list' ? rowCount(values, name) + 1 : 0;
          return (
            <div
              key={name}
              id={id}
              className={error ? 'govuk-form-group govuk-form-group--error' : 'govuk-form-group'}
            >
              <Fieldset legend={m.label} legendSize="m">
                {m.hint && <div className="govuk-hint">{m.hint}</div>}
                {error && (
                  <p className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {error}
                  </p>
                )}
                {m.kind === 'group' ? (
                  <EditorFields
                    meta={m.fields ?? []}
                    values={values}
                    errors={errors}
                    prefix={[...prefix, m.name]}
                  />
                ) : (
                  Array.from({ length: rows }, (_, i) => (
                    <Fieldset
                      key={i}
                      legend={`${m.itemLabel ?? 'Row'} ${i + 1}${i === rows - 1 ? ' (add another)' : ''}`}
                      legendSize="s"
                    >
                      {values[formName(name, i, 'id')] && (
                        <input
                          type="hidden"
                          name={formName(name, i, 'id')}
                          value={values[formName(name, i, 'id')]}
                        />
                      )}
                      <EditorFields
                        meta={m.fields ?? []}
                        values={values}
                        errors={errors}
                        prefix={[...prefix, m.name, String(i)]}
                      />
                    </Fieldset>
                  ))
                )}
              </Fieldset>
            </div>
          );
        }
        // What a textarea and a text input share.
        const textBox = {
          id,
          name,
          label: m.label,
          labelSize: 's',
          defaultValue: value,
          errorMessage: error,
        } as const;
        if (m.kind === 'longText') {
          return <Textarea key={name} {...textBox} hint={m.hint} />;
        }
        if (m.kind === 'boolean' || m.kind === 'choice') {
          const items =
            m.kind === 'boolean'
              ? [
                  { value: 'true', text: 'Yes' },
                  { value: 'false', text: 'No' },
                ]
              : (m.options ?? []).map((o) => ({ value: o.value, text: o.label, hint: o.hint }));
          return (
            <Radios
              key={name}
              idPrefix={id}
              name={name}
              legend={m.label}
              legendSize="s"
              hint={m.hint}
              errorMessage={error}
              items={items}
              value={value}
              inline={m.kind === 'boolean'}
              small
            />
          );
        }
        const numeric =
          m.kind === 'integer' ||
          m.kind === 'decimal' ||
          m.kind === 'money' ||
          m.kind === 'metricTarget';
        return (
          <Input
            key={name}
            {...textBox}
            hint={
              m.hint ??
              (m.kind === 'date'
                ? 'For example, 2026-03-31'
                : m.kind === 'url'
                  ? 'Starting with https://'
                  : undefined)
            }
            type={m.kind === 'email' ? 'email' : m.kind === 'url' ? 'url' : 'text'}
            inputMode={m.kind === 'integer' ? 'numeric' : numeric ? 'decimal' : undefined}
            prefix={m.kind === 'money' ? '£' : undefined}
            width={numeric || m.kind === 'date' ? '10' : undefined}
            autoComplete="off"
            spellCheck={m.kind === 'text' ? undefined : false}
          />
        );
      })}
    </>
  );
}

/** The labelled names the app uses for error summaries and the conflict comparison. */
function sectionFields(
  meta: readonly FieldMeta[],
  prefix: string[] = [],
  labelPrefix = '',
): SectionField[] {
  return meta.flatMap((m) => {
    if (m.kind === 'group')
      return [
        { name: formName(...prefix, m.name), label: m.label },
        ...sectionFields(m.fields ?? [], [...prefix, m.name], `${m.label}: `),
      ];
    return [{ name: formName(...prefix, m.name), label: `${labelPrefix}${m.label}` }];
  });
}

/**
 * What a form changed, compared with the values it was rendered with: the changed fields (inside
 * a group, only its changed fields; a changed list whole) and their values before, as the base of
 * the server's field-level merge (decision 020).
 */
export function changedValues(
  meta: readonly FieldMeta[],
  values: Values,
  before: Values,
): { changed: Values; base: Values } {
  const changed: Values = {};
  const base: Values = {};
  for (const m of meta) {
    const now = values[m.name];
    const was = before[m.name];
    if (m.kind === 'group') {
      const inner = changedValues(m.fields ?? [], (now ?? {}) as Values, (was ?? {}) as Values);
      if (Object.keys(inner.changed).length > 0) {
        changed[m.name] = inner.changed;
        base[m.name] = inner.base;
      }
    } else if (JSON.stringify(now ?? null) !== JSON.stringify(was ?? null)) {
      changed[m.name] = now ?? null;
      base[m.name] = was ?? null;
    }
  }
  return { changed, base };
}

/**
 * A section's fields as groups, each shown as one summary card and changed on one page: each
 * top-level group or list field is a group of its own (its name and label); the ungrouped fields
 * declared between them form a group per run, in declaration order. A run of one field takes that
 * field's name and label; a longer run is "Section details" (key "details"), later ones "More
 * section details" ("details-2", "details-3"…). Decision 023.
 */
export function sectionGroups(meta: readonly FieldMeta[]): SectionGroup[] {
  const groups: SectionGroup[] = [];
  let run: FieldMeta[] = [];
  let runs = 0;
  const endRun = () => {
    if (run.length === 1) {
      const [only] = run as [FieldMeta];
      groups.push({ key: only.name, title: only.label, fields: [only.name] });
    } else if (run.length > 1) {
      runs += 1;
      groups.push({
        key: runs === 1 ? 'details' : `details-${runs}`,
        title: runs === 1 ? 'Section details' : 'More section details',
        fields: run.map((m) => m.name),
      });
    }
    run = [];
  };
  for (const m of meta) {
    if (m.kind === 'group' || m.kind === 'list') {
      endRun();
      groups.push({ key: m.name, title: m.label, fields: [m.name] });
    } else run.push(m);
  }
  endRun();
  return groups;
}

/** The summary rows of one group: a group field's own fields, a list's items, else each field. */
function groupSummaryRows(
  meta: readonly FieldMeta[],
  values: Values | null,
): ReturnType<typeof summaryRows> {
  if (meta.length === 1 && meta[0]?.kind === 'group') {
    const [m] = meta as [FieldMeta];
    return summaryRows(m.fields ?? [], (values?.[m.name] ?? null) as Values | null);
  }
  if (meta.length === 1 && meta[0]?.kind === 'list') {
    const [m] = meta as [FieldMeta];
    const items = Array.isArray(values?.[m.name]) ? (values?.[m.name] as Values[]) : [];
    if (items.length === 0)
      return [
        {
          key: m.label,
          value: <span className="govuk-hint govuk-!-margin-0">None given yet</span>,
        },
      ];
    return items.map((item, i) => ({
      key: `${m.itemLabel ?? 'Row'} ${i + 1}`,
      value: (
        <>
          {(m.fields ?? []).map((sub) => (
            <p key={sub.name} className="govuk-body govuk-!-margin-bottom-1">
              <span className="govuk-!-font-weight-bold">{sub.label}:</span>{' '}
              {display(sub, item[sub.name])}
            </p>
          ))}
        </>
      ),
    }));
  }
  return summaryRows(meta, values);
}

/** A section's UI from its declared fields. */
export function createSectionUi(options: CreateSectionUiOptions): SectionUi<GenericSection> {
  const { sectionKey, fields } = options;
  const pascal = pascalCase(sectionKey);
  const { field } = sectionNames(sectionKey);
  const selection = `version ${field} { ${selectionOf(fields.meta)} }`;
  const of = (section: GenericSection) => (section[field] ?? null) as Values | null;
  const groups = sectionGroups(fields.meta);
  const metaOf = (group: string | undefined) => {
    const names = groups.find((g) => g.key === group)?.fields;
    return names ? fields.meta.filter((m) => names.includes(m.name)) : fields.meta;
  };
  return defineSectionUi<GenericSection>({
    query: `query ${pascal}Section($planId: ID!) {
  plan(id: $planId) { id section(key: "${sectionKey}") { ${selection} } }
}`,
    mutation: `mutation Update${pascal}Section($input: Update${pascal}SectionInput!) {
  result: update${pascal}Section(input: $input) {
    __typename
    ... on MutationUpdate${pascal}SectionSuccess { data { version } }
    ... on Error { message }
    ... on ValidationError { fieldErrors { path message } }
    ... on SectionConflictError { fields current { ${selection} } }
  }
}`,
    fields: sectionFields(fields.meta),
    toValues: (section) => toFormValues(fields.meta, of(section)),
    toVariables: (formData, { planId, version, baseline }) => {
      const values = fromFormData(fields.meta, formData);
      if (!baseline) return { input: { planId, version, ...values } };
      const before = new FormData();
      for (const [name, value] of Object.entries(baseline)) before.set(name, value);
      const { changed, base } = changedValues(
        fields.meta,
        values,
        fromFormData(fields.meta, before),
      );
      return { input: { planId, version, ...changed, base } };
    },
    Summary:
      options.Summary ??
      (({ section }) => <SummaryList rows={summaryRows(fields.meta, of(section))} />),
    Editor:
      options.Editor ??
      (({ values, errors, group }) => (
        <EditorFields meta={metaOf(group)} values={values} errors={errors} prefix={[]} />
      )),
    // A replaced editor renders every field, so its section is changed on one page.
    ...(options.Editor
      ? {}
      : {
          groups,
          groupRows: (section: GenericSection, group: string) =>
            groupSummaryRows(metaOf(group), of(section)),
        }),
  });
}
