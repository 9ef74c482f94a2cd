// The form of a setting added by hand (and, for a setting from GIAS, only the fields plugins add).
// Plugin fields are shown under the kinds of setting they are asked for: without JavaScript every
// plugin's fields are on the page, each group saying which kinds it is for.
import { Checkboxes, Input, Radios, Select, bindFields } from '@lip/ui';
import {
  categoryOptions,
  needAreaOptions,
  SETTING_CATEGORY_LABELS,
  type PluginFieldDefinition,
  type SettingCategory,
  type SettingFormValues,
} from '../../lib/settings.ts';

export function SettingFormFields({
  values,
  errors,
  definitions,
  giasOwned,
}: {
  values: SettingFormValues;
  errors: Record<string, string>;
  definitions: readonly PluginFieldDefinition[];
  giasOwned: boolean;
}) {
  const field = bindFields(values, errors);
  const category = values.category as SettingCategory;
  return (
    <>
      {!giasOwned && (
        <>
          <Input {...field.text('name')} label="Name of the setting" />
          <Radios
            {...field.radios('category')}
            legend="Kind of setting"
            legendSize="m"
            items={categoryOptions().map((o) => ({ value: o.value, text: o.text }))}
          />
          <Input
            {...field.text('urn')}
            label="URN (optional)"
            hint="The unique reference number from Get Information about Schools, if it has one."
            width="10"
            inputMode="numeric"
          />
          <Input {...field.text('establishmentType')} label="Type of provision (optional)" />
          <Input {...field.text('phase')} label="Phase (optional)" hint="For example, Secondary" />
          <Input {...field.text('postcode')} label="Postcode (optional)" width="10" />
          <Checkboxes
            {...field.checkboxes('needAreas')}
            legend="Areas of need served"
            legendSize="m"
            hint="Select all that apply."
            items={needAreaOptions().map((o) => ({ value: o.value, text: o.text }))}
          />
          <Input {...field.text('ageLow')} label="Lowest age" width="3" inputMode="numeric" />
          <Input {...field.text('ageHigh')} label="Highest age" width="3" inputMode="numeric" />
          <Input {...field.text('places')} label="Places" width="5" inputMode="numeric" />
          <Checkboxes
            idPrefix="closed"
            name="closed"
            legend="Closed"
            legendSize="s"
            small
            values={values.closed === 'yes' ? ['yes'] : []}
            items={[
              {
                value: 'yes',
                text: 'This setting has closed',
                hint: 'It stays in the directory but leaves the published list.',
              },
            ]}
          />
        </>
      )}
      {definitions.map((definition) => {
        if (giasOwned && !definition.categories.includes(category)) return null;
        const kinds = definition.categories
          .map((c) => SETTING_CATEGORY_LABELS[c as SettingCategory] ?? c)
          .join('; ');
        return (
          <fieldset key={definition.pluginId} className="govuk-fieldset govuk-!-margin-bottom-6">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
              {definition.pluginName}
            </legend>
            <p className="govuk-hint">For: {kinds}.</p>
            {definition.fields.map((f) => {
              const key = `plugin:${definition.pluginId}.${f.key}`;
              const value = values.plugin[`${definition.pluginId}.${f.key}`] ?? '';
              const common = {
                id: key,
                name: key,
                label: f.label,
                hint: f.hint ?? undefined,
                errorMessage: errors[key],
                defaultValue: value,
              };
              if (f.kind === 'choice')
                return (
                  <Select
                    key={key}
                    {...common}
                    options={[
                      { value: '', text: 'Not given' },
                      ...f.options.map((o) => ({ value: o.value, text: o.label })),
                    ]}
                  />
                );
              return (
                <Input
                  key={key}
                  {...common}
                  width={f.kind === 'integer' ? '5' : undefined}
                  inputMode={f.kind === 'integer' ? 'numeric' : undefined}
                />
              );
            })}
          </fieldset>
        );
      })}
    </>
  );
}

/** The form's errors in the order of its fields, for the error summary. */
export function settingErrorSummary(errors: Record<string, string>) {
  return Object.entries(errors).map(([key, text]) => ({
    href: key === '_form' ? 'name' : key === 'needAreas' ? 'needAreas' : key,
    text,
  }));
}
