// GraphQL documents and form handling for the settings directory (docs/api-settings.md): the
// list's GET filters, the GIAS import, settings added by hand with plugin fields, the tailored list.
import type { AppLoadContext } from '@remix-run/node';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import type { FormFields } from './form.server.ts';
import { gql } from './graphql.server.ts';
import {
  asCategory,
  asNeedArea,
  type PluginFieldDefinition,
  type SettingFormValues,
} from './settings.ts';

/** The list page's filters from its query string (unknown values are ignored, not refused). */
export function settingsFilters(url: URL) {
  const search = url.searchParams.get('search')?.trim().slice(0, 100) ?? '';
  return {
    category: asCategory(url.searchParams.get('category')),
    needArea: asNeedArea(url.searchParams.get('needArea')),
    search,
    includeClosed: url.searchParams.get('closed') === 'yes',
    after: url.searchParams.get('after') || null,
  };
}

export const IMPORT = graphql(
  `
    mutation ImportSettings($input: ImportSettingsInput!) {
      result: importSettings(input: $input) {
        __typename
        ... on MutationImportSettingsSuccess {
          data {
            fileName
            applied
            totalRows
            added
            changed
            unchanged
            closed
            errors {
              row
              column
              message
            }
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function importSettingsFile(
  context: AppLoadContext,
  partnershipId: string,
  file: File,
) {
  const bytes = Buffer.from(await file.arrayBuffer());
  const input = {
    partnershipId,
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    fileName: file.name.replace(/[\u0000-\u001f\u007f]/g, ''),
    contentBase64: bytes.toString('base64'),
  };
  return (await gql(context, IMPORT, { input })).result;
}

/** The form's own fields (plugin fields are named "plugin:<plugin id>.<key>"). */
export const SETTING_FORM_FIELDS = [
  'name',
  'urn',
  'category',
  'establishmentType',
  'phase',
  'postcode',
  'ageLow',
  'ageHigh',
  'places',
] as const;

const WHOLE = /^\d+$/;

/**
 * The posted form as the mutation's input, or the form's own errors (whole numbers). Plugin fields
 * are sent only for plugins that ask them of the chosen category.
 */
export function settingFromForm(
  form: FormFields,
  definitions: readonly PluginFieldDefinition[],
  giasOwned: boolean,
): {
  values: SettingFormValues;
  errors: Record<string, string>;
  input: Record<string, unknown>;
} {
  const values: SettingFormValues = {
    name: form.text('name'),
    urn: form.text('urn'),
    category: form.text('category'),
    establishmentType: form.text('establishmentType'),
    phase: form.text('phase'),
    postcode: form.text('postcode'),
    ageLow: form.text('ageLow'),
    ageHigh: form.text('ageHigh'),
    places: form.text('places'),
    needAreas: form.all('needAreas').filter((a) => asNeedArea(a)),
    closed: form.text('closed'),
    plugin: {},
  };
  const errors: Record<string, string> = {};
  const whole = (key: 'ageLow' | 'ageHigh' | 'places', what: string) => {
    const text = values[key];
    if (text === '') return null;
    if (!WHOLE.test(text)) {
      errors[key] = `${what} must be a whole number, like 12`;
      return null;
    }
    return Number(text);
  };
  const category = asCategory(values.category);
  const pluginFields: Array<{ key: string; value: string | null }> = [];
  for (const definition of definitions) {
    if (!category || !definition.categories.includes(category)) continue;
    for (const f of definition.fields) {
      const key = `${definition.pluginId}.${f.key}`;
      const value = form.text(`plugin:${key}`);
      values.plugin[key] = value;
      pluginFields.push({ key, value: value || null });
    }
  }
  if (giasOwned) return { values, errors, input: { pluginFields } };
  if (!values.name) errors.name = 'Enter the name of the setting';
  if (!category) errors.category = 'Choose the kind of setting';
  const ageLow = whole('ageLow', 'The lowest age');
  const ageHigh = whole('ageHigh', 'The highest age');
  const places = whole('places', 'Places');
  return {
    values,
    errors,
    input: {
      name: values.name,
      urn: values.urn || null,
      category,
      establishmentType: values.establishmentType || null,
      phase: values.phase || null,
      postcode: values.postcode || null,
      needAreas: values.needAreas,
      ageLow,
      ageHigh,
      places,
      closed: values.closed === 'yes',
      pluginFields,
    },
  };
}

/** The API's field errors by this form's field names ("pluginFields.ap.tier" → "plugin:ap.tier"). */
export function settingErrors(
  fieldErrors: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>,
  message: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const e of fieldErrors) {
    const path = e.path.filter((p) => p !== 'input');
    const key =
      path[0] === 'pluginFields' && path.length >= 3
        ? `plugin:${path[1]}.${path[2]}`
        : path[0] === 'pluginFields'
          ? 'category'
          : (path[0] ?? '_form');
    errors[key] ??= e.message;
  }
  if (Object.keys(errors).length === 0) errors._form = message;
  return errors;
}
