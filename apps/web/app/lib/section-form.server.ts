// Loading and saving a plugin's section form through its own GraphQL documents (the @lip/ui
// SectionUi contract), shared by the section summary and its change pages.
import { data, redirect } from '@remix-run/node';
import type { LoaderFunctionArgs } from '@remix-run/node';
import type { AnySectionUi, FormValues, SectionGroup } from '@lip/ui';
import { inputTypeErrors, throwForErrors } from './graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from './outcome.server.ts';
import type { readForm } from './form.server.ts';
import { inGroup } from './section-groups.ts';

type Context = LoaderFunctionArgs['context'];

/** Runs a plugin's own document (a string: plugins speak GraphQL text, see @lip/ui's SectionUi). */
async function executePluginDocument<TData>(
  context: Context,
  document: string,
  variables: Record<string, unknown>,
) {
  return context.lip.execute<TData, Record<string, unknown>>(document, variables);
}

/** The plugin's view of a section: its saved data, as form values too, and its version. */
export async function loadPluginSection(context: Context, ui: AnySectionUi, planId: string) {
  const executed = await executePluginDocument<{
    plan: { section: ({ version: number } & Record<string, unknown>) | null } | null;
  }>(context, ui.query, { planId });
  if (executed.errors?.length || !executed.data) throwForErrors(executed.errors);
  const section = executed.data.plan?.section;
  if (!section) return null;
  return { section, values: ui.toValues(section), version: section.version };
}

export interface SectionActionData {
  values: FormValues;
  errors: Record<string, string>;
  version: number;
  conflict?: { yours: FormValues; saved: FormValues; fields: string[] };
}

/** What a plugin's mutation answers, by the @lip/ui convention (its section type is the plugin's own). */
interface PluginOutcome {
  result: {
    __typename: string;
    message?: string;
    fieldErrors?: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>;
    current?: { version: number } & Record<string, unknown>;
    /** A conflict's fields changed by both ("summary", "group.field", "list.<item id>.field"). */
    fields?: ReadonlyArray<string>;
  };
}

/**
 * Saves one group's fields from a submitted form: only what the person changed in it is sent,
 * with what it was (decision 020), so the group's page never touches another group's fields.
 * Redirects to `done` on success; else answers the values to show again with errors or a conflict.
 */
export async function saveSectionGroup(
  context: Context,
  {
    ui,
    group,
    planId,
    form,
    done,
  }: {
    ui: AnySectionUi;
    group: SectionGroup;
    planId: string;
    form: Awaited<ReturnType<typeof readForm>>;
    done: string;
  },
) {
  const version = form.version();
  const fields = ui.fields.filter((f) => inGroup(group, f.name));
  // Everything the person typed (including list rows), to show again if it cannot be saved.
  const yours: FormValues = {
    ...Object.fromEntries(fields.map((f) => [f.name, form.text(f.name)])),
    ...Object.fromEntries(
      [...form.data.entries()]
        .filter(
          ([name, value]) =>
            typeof value === 'string' &&
            name !== 'version' &&
            name !== 'baseline' &&
            inGroup(group, name),
        )
        .map(([name, value]) => [name, String(value).trim()]),
    ),
  };
  let baseline: FormValues | null = null;
  try {
    const parsed = JSON.parse(String(form.data.get('baseline') ?? '')) as FormValues;
    // Only this group's values: the fields of other groups are neither in the form nor sent.
    baseline = Object.fromEntries(Object.entries(parsed).filter(([name]) => inGroup(group, name)));
  } catch {
    baseline = null;
  }
  // Without a baseline every field would be sent, clearing the groups not on this page.
  invariantResponse(baseline, 'The form was incomplete: open the page again', { status: 400 });

  const variables = ui.toVariables(form.data, { planId, version, baseline });
  const executed = await executePluginDocument<PluginOutcome>(context, ui.mutation, variables);
  // A value of the wrong type (letters in a number field) is refused by GraphQL itself.
  const typeErrors = inputTypeErrors(executed.errors, ui.fields);
  if (typeErrors)
    return data<SectionActionData>({ values: yours, errors: typeErrors, version }, { status: 400 });
  if (executed.errors?.length || !executed.data) throwForErrors(executed.errors);
  const outcome = unlessRefused(executed.data.result);
  if (outcome.__typename.endsWith('Success')) throw redirect(done);
  if (outcome.__typename === 'ValidationError') {
    return data<SectionActionData>(
      { values: yours, errors: formErrors(outcome), version },
      { status: 400 },
    );
  }
  invariantResponse(outcome.__typename === 'SectionConflictError' && outcome.current);
  const saved = ui.toValues(outcome.current);
  // Re-apply what the person changed (compared with what they started from) onto the saved version.
  const merged: Record<string, string> = { ...saved };
  for (const f of fields) {
    const mine = yours[f.name] ?? '';
    if (mine !== (baseline[f.name] ?? '')) merged[f.name] = mine;
  }
  return data<SectionActionData>(
    {
      values: merged,
      errors: {},
      version: outcome.current.version,
      conflict: { yours, saved, fields: conflictNames(fields, outcome.fields ?? []) },
    },
    { status: 409 },
  );
}

/** The form fields a conflict's paths fall in: "group.field" itself, a list item's path its list. */
function conflictNames(fields: ReadonlyArray<{ name: string }>, paths: ReadonlyArray<string>) {
  return fields
    .filter((f) => paths.some((p) => p === f.name || p.startsWith(`${f.name}.`)))
    .filter((f, _i, all) => !all.some((o) => o !== f && o.name.startsWith(`${f.name}.`)))
    .map((f) => f.name);
}
