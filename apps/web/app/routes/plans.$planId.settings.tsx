// Choosing a plan's tailored list: the open settings of the directory as checkboxes (GET filters
// narrow what is shown), saved while the plan is a draft. Publishing a version freezes the list.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, InsetText, NotificationBanner, Select } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { invariantResponse, requireViewer, unlessRefused } from '../lib/outcome.server.ts';
import { PlanBreadcrumbs } from '../lib/plan/PlanPageHeader.tsx';
import {
  ageRangeText,
  categoryOptions,
  NEED_AREA_LABELS,
  needAreaOptions,
  SETTING_CATEGORIES,
  SETTING_CATEGORY_LABELS,
  type NeedAreaCode,
} from '../lib/settings.ts';
import { settingsFilters } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Tailored list of settings', page.plan.title);

const QUERY = graphql(`
  query TailoredListPage($id: ID!, $category: SettingCategory, $needArea: NeedArea) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      state
      partnership {
        id
        slug
        name
        viewerSettingsCategories
        settings(first: 100, category: $category, needArea: $needArea) {
          totalCount
          edges {
            node {
              id
              urn
              name
              category
              needAreas
              ageLow
              ageHigh
            }
          }
        }
      }
      tailoredList {
        id
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const filters = settingsFilters(url);
  const page = requireViewer(
    args.request,
    await gql(args.context, QUERY, {
      id: args.params.planId ?? '',
      category: filters.category,
      needArea: filters.needArea,
    }),
  );
  invariantResponse(page.plan);
  const { partnership, tailoredList, ...plan } = page.plan;
  return {
    plan: { ...plan, partnership: { slug: partnership.slug, name: partnership.name } },
    canEdit: partnership.viewerSettingsCategories.length > 0 && plan.state === 'DRAFT',
    editable: partnership.viewerSettingsCategories,
    settings: partnership.settings.edges.map((e) => e.node),
    totalCount: partnership.settings.totalCount,
    onList: tailoredList.map((s) => s.id),
    filters,
    saved: url.searchParams.get('saved') === '1',
  };
}

export const loader = load;

const SET = graphql(
  `
    mutation SetTailoredList($input: SetTailoredListInput!) {
      result: setTailoredList(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function action(args: ActionFunctionArgs) {
  const { plan, onList } = await load(args);
  const form = await readForm(args.request);
  const shown = form.all('shown');
  const chosen = new Set(form.all('settings'));
  const add = shown.filter((id) => chosen.has(id) && !onList.includes(id));
  const remove = shown.filter((id) => !chosen.has(id) && onList.includes(id));
  const outcome = unlessRefused(
    (await gql(args.context, SET, { input: { planId: plan.id, add, remove } })).result,
  );
  if (outcome.__typename === 'MutationSetTailoredListSuccess') {
    const url = new URL(args.request.url);
    url.searchParams.set('saved', '1');
    throw redirect(`${url.pathname}${url.search}`);
  }
  return data({ error: outcome.message }, { status: 400 });
}

export default function TailoredList() {
  const { plan, canEdit, editable, settings, totalCount, onList, filters, saved } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  useErrorTitle(Boolean(actionData?.error));
  const groups = SETTING_CATEGORIES.map((category) => ({
    category,
    settings: settings.filter((s) => s.category === category),
  })).filter((g) => g.settings.length > 0);
  return (
    <>
      <PlanBreadcrumbs plan={plan} trail={[{ text: 'Tailored list of settings' }]} />
      {actionData?.error && (
        <ErrorSummary errors={[{ href: 'settings', text: actionData.error }]} />
      )}
      {saved && <NotificationBanner type="success" heading="Tailored list saved" />}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Tailored list of settings</h1>
      <p className="govuk-body">
        The settings families choose from during this plan’s period. The list is published with the
        plan: each published version keeps the list it was published with. Closed settings leave the
        list.
      </p>
      <p className="govuk-body">
        {onList.length === 1 ? '1 setting is' : `${onList.length} settings are`} on the list.{' '}
        <a
          className="govuk-link"
          href={`/partnerships/${encodeURIComponent(plan.partnership.slug)}/settings`}
        >
          Go to the settings directory
        </a>
      </p>
      {!canEdit && (
        <InsetText>
          {plan.state === 'DRAFT'
            ? 'You can read the tailored list but you cannot change it.'
            : 'The plan is no longer a draft, so its tailored list cannot be changed until a revision is started.'}
        </InsetText>
      )}
      <form method="get" aria-label="Filter settings" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="category"
              name="category"
              label="Kind of setting"
              defaultValue={filters.category ?? ''}
              options={[{ value: '', text: 'All kinds' }, ...categoryOptions()]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="needArea"
              name="needArea"
              label="Area of need"
              defaultValue={filters.needArea ?? ''}
              options={[{ value: '', text: 'All areas of need' }, ...needAreaOptions()]}
            />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
      </form>
      {totalCount > settings.length && (
        <p className="govuk-body">
          Showing the first {settings.length} of {totalCount} settings: filter to see the others.
        </p>
      )}
      {settings.length === 0 ? (
        <p className="govuk-body" id="settings">
          No open settings match these filters.
        </p>
      ) : (
        <form method="post" noValidate>
          {groups.map((group, g) => (
            <div className="govuk-form-group" key={group.category}>
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  <h2 className="govuk-fieldset__heading">
                    {SETTING_CATEGORY_LABELS[group.category]}
                  </h2>
                </legend>
                <div
                  className="govuk-checkboxes govuk-checkboxes--small"
                  data-module="govuk-checkboxes"
                >
                  {group.settings.map((s, i) => {
                    const id = g === 0 && i === 0 ? 'settings' : `settings-${g}-${i}`;
                    const details = [
                      s.urn ? `URN ${s.urn}` : null,
                      s.needAreas.map((a) => NEED_AREA_LABELS[a as NeedAreaCode] ?? a).join(', ') ||
                        null,
                      ageRangeText(s) ? `ages ${ageRangeText(s)}` : null,
                    ]
                      .filter(Boolean)
                      .join('; ');
                    const disabled = !canEdit || !editable.includes(s.category);
                    return (
                      <div className="govuk-checkboxes__item" key={s.id}>
                        {!disabled && <input type="hidden" name="shown" value={s.id} />}
                        <input
                          className="govuk-checkboxes__input"
                          id={id}
                          name="settings"
                          type="checkbox"
                          value={s.id}
                          defaultChecked={onList.includes(s.id)}
                          disabled={disabled}
                          aria-describedby={details ? `${id}-hint` : undefined}
                        />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                          {s.name}
                        </label>
                        {details && (
                          <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                            {details}
                          </div>
                        )}
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            </div>
          ))}
          {canEdit && <Button>Save tailored list</Button>}
        </form>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
