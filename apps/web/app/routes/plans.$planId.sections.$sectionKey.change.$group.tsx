// Changing one group of a section's fields (decision 023): the group's fields only, saved through
// the plugin's mutation with the field-level merge (decision 020); back to the summary when saved.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary } from '@lip/ui';
import { ConflictComparison } from '../components/ConflictComparison.tsx';
import { LiveUpdates } from '../components/live/index.ts';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanBreadcrumbs } from '../lib/plan/PlanPageHeader.tsx';
import { queryPlan } from '../lib/plan-query.server.ts';
import { sectionUi } from '../lib/plugins.ts';
import { loadPluginSection, saveSectionGroup } from '../lib/section-form.server.ts';
import { groupsOf, inGroup } from '../lib/section-groups.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(page.group.title, page.section.title);

const QUERY = graphql(
  `
    query SectionChangePage($planId: ID!, $key: String!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        section(key: $key) {
          key
          title
          pluginId
          viewerCanEdit
        }
      }
    }
  `,
  [PLAN_HEADING],
);

async function load({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  const { section, ...plan } = await queryPlan(request, context, QUERY, { planId, key });
  invariantResponse(section);
  const ui = sectionUi(section.pluginId, section.key);
  invariantResponse(ui);
  const group = groupsOf(ui).find((g) => g.key === params.group);
  invariantResponse(group);
  // Only the section's writers see its change pages.
  invariantResponse(section.viewerCanEdit, 'You cannot change this section', { status: 403 });
  return { plan, section, ui, group, planId };
}

export async function loader(args: LoaderFunctionArgs) {
  const { plan, section, ui, group, planId } = await load(args);
  const plugin = await loadPluginSection(args.context, ui, planId);
  invariantResponse(plugin);
  return { plan, section, group, values: plugin.values, version: plugin.version };
}

export async function action(args: ActionFunctionArgs) {
  const { section, ui, group, planId } = await load(args);
  const form = await readForm(args.request);
  const sectionUrl = `/plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(section.key)}`;
  return saveSectionGroup(args.context, {
    ui,
    group,
    planId,
    form,
    done: `${sectionUrl}?saved=section#group-${encodeURIComponent(group.key)}`,
  });
}

export default function SectionChangePage() {
  const { plan, section, group, values: savedValues, version } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const ui = sectionUi(section.pluginId, section.key);
  if (!ui) return null;
  const sectionUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(section.key)}`;
  const values = actionData?.values ?? savedValues;
  const errors = actionData?.errors ?? {};
  const baseline = Object.fromEntries(
    Object.entries(actionData?.conflict?.saved ?? savedValues).filter(([name]) =>
      inGroup(group, name),
    ),
  );
  const summaryErrors = Object.entries(errors).map(([name, text]) => ({
    href: name === '_form' ? 'section-form' : name.replace(/\./g, '-'),
    text,
  }));
  const formVersion = actionData?.version ?? version;

  return (
    <>
      <PlanBreadcrumbs
        plan={plan}
        trail={[{ text: section.title, href: sectionUrl }, { text: group.title }]}
      />
      {summaryErrors.length > 0 && <ErrorSummary errors={summaryErrors} />}
      <LiveUpdates
        planId={plan.id}
        sectionKey={section.key}
        form={{ id: 'section-form', readHref: sectionUrl }}
      />
      <span className="govuk-caption-l">{section.title}</span>
      <h1 className="govuk-heading-l">{group.title}</h1>
      {actionData?.conflict && (
        <ConflictComparison
          what="section"
          rows={ui.fields
            .filter((f) => inGroup(group, f.name))
            .map((f) => ({
              label: f.label,
              yours: actionData.conflict?.yours[f.name] ?? '',
              saved: actionData.conflict?.saved[f.name] ?? '',
              changedByBoth: actionData.conflict?.fields.includes(f.name),
            }))}
        />
      )}
      <Form
        method="post"
        noValidate
        reloadDocument
        id="section-form"
        key={`${formVersion}:${JSON.stringify(values)}`}
      >
        <input type="hidden" name="version" value={formVersion} />
        <input type="hidden" name="baseline" value={JSON.stringify(baseline)} />
        <ui.Editor values={values} errors={errors} group={ui.groups ? group.key : undefined} />
        <div className="govuk-button-group">
          <Button>{actionData?.conflict ? 'Save my changes again' : 'Save section details'}</Button>
          <a className="govuk-link" href={sectionUrl}>
            Cancel
          </a>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
