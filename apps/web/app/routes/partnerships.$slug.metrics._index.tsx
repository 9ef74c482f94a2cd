import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, NotificationBanner, SummaryList, Table } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { PERIOD_TYPES, POLARITIES, labelOf, themeTitle } from '../components/metrics/labels.ts';
import { graphql, type ResultOf } from '../graphql.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Metrics', page.partnership.name);

const QUERY = graphql(`
  query PartnershipMetrics($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      metrics {
        id
        code
        title
        theme
        unit
        decimals
        polarity
        periodType
        source
        isLocal
      }
      icbCode
      subIcbCodes
      disclosure {
        smallNumberThreshold
        roundingBase
        isSet
        viewerCanEdit
      }
    }
  }
`);

type Metric = NonNullable<ResultOf<typeof QUERY>['partnership']>['metrics'][number];

export async function loader(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  const saved = new URL(args.request.url).searchParams.get('saved');
  return { partnership: page.partnership, saved };
}

function MetricsTable({ caption, metrics }: { caption: string; metrics: Metric[] }) {
  return (
    <Table
      caption={caption}
      head={['Metric', 'Code', 'Better when', 'Period', 'Decimal places', 'Source']}
      firstCellIsHeader
      rowKeys={metrics.map((m) => m.id)}
      rows={metrics.map((m) => [
        m.title,
        m.isLocal ? 'Local' : m.code,
        labelOf(POLARITIES, m.polarity),
        labelOf(PERIOD_TYPES, m.periodType),
        String(m.decimals),
        m.source ?? 'Not given',
      ])}
    />
  );
}

export default function Metrics() {
  const { partnership, saved } = useLoaderData<typeof loader>();
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}`;
  const local = partnership.metrics.filter((m) => m.isLocal);
  const catalogue = partnership.metrics.filter((m) => !m.isLocal);
  const themes = [...new Set(catalogue.map((m) => m.theme))];
  const { disclosure } = partnership;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: base },
          { text: 'Metrics' },
        ]}
      />
      {saved && (
        <NotificationBanner
          type="success"
          heading={
            saved === 'disclosure'
              ? 'Disclosure settings saved'
              : saved === 'health-geography'
                ? 'NHS geography saved'
                : `Local metric “${saved}” added`
          }
        >
          <p className="govuk-body">
            <a className="govuk-notification-banner__link" href={`${base}/imports`}>
              Import figures
            </a>{' '}
            for the partnership’s metrics.
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Metrics</h1>
      <p className="govuk-body">
        The national catalogue and this partnership’s own local metrics. Set targets for them on a
        plan’s dashboard, and{' '}
        <a className="govuk-link" href={`${base}/imports`}>
          import their figures
        </a>
        .
      </p>

      <h2 className="govuk-heading-m">Disclosure control</h2>
      <SummaryList
        rows={[
          {
            key: 'Small numbers suppressed',
            value: !disclosure.isSet
              ? 'Not set: no plan can be submitted or published until it is'
              : disclosure.smallNumberThreshold
                ? `Counts below ${disclosure.smallNumberThreshold} are shown as c`
                : 'No suppression',
            actions: disclosure.viewerCanEdit
              ? [
                  {
                    href: `${base}/metrics/disclosure`,
                    text: 'Change',
                    visuallyHiddenText: 'small number suppression',
                  },
                ]
              : undefined,
          },
          {
            key: 'Rounding',
            value: disclosure.roundingBase
              ? `Counts rounded to the nearest ${disclosure.roundingBase}`
              : 'No rounding',
            actions: disclosure.viewerCanEdit
              ? [
                  {
                    href: `${base}/metrics/disclosure`,
                    text: 'Change',
                    visuallyHiddenText: 'rounding',
                  },
                ]
              : undefined,
          },
        ]}
      />

      <h2 className="govuk-heading-m">NHS geography</h2>
      <p className="govuk-body">
        Health metrics are measured over the ICB’s footprint, or its sub-ICB locations where NHS
        England publishes figures only for those (such as autism referrals waiting).
      </p>
      <SummaryList
        rows={[
          {
            key: 'ICB code',
            value: partnership.icbCode ?? 'Not given',
            actions: disclosure.viewerCanEdit
              ? [
                  {
                    href: `${base}/metrics/geography`,
                    text: 'Change',
                    visuallyHiddenText: 'ICB code',
                  },
                ]
              : undefined,
          },
          {
            key: 'Sub-ICB location codes',
            value:
              partnership.subIcbCodes.length > 0 ? partnership.subIcbCodes.join(', ') : 'Not given',
            actions: disclosure.viewerCanEdit
              ? [
                  {
                    href: `${base}/metrics/geography`,
                    text: 'Change',
                    visuallyHiddenText: 'sub-ICB location codes',
                  },
                ]
              : undefined,
          },
        ]}
      />

      <h2 className="govuk-heading-m">Local metrics</h2>
      {disclosure.viewerCanEdit && (
        <Button href={`${base}/metrics/new`} variant="secondary">
          Add a local metric
        </Button>
      )}
      {local.length === 0 ? (
        <p className="govuk-body">This partnership has no local metrics yet.</p>
      ) : (
        <MetricsTable caption="Local metrics" metrics={local} />
      )}

      <h2 className="govuk-heading-m">National catalogue</h2>
      {themes.map((theme) => (
        <MetricsTable
          key={theme}
          caption={themeTitle(theme)}
          metrics={catalogue.filter((m) => m.theme === theme)}
        />
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
