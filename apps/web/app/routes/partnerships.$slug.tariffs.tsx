// The partnership's banding and tariffs (issue 16): its bands, the prices in force today as a table
// of band × provision type, every tariff ever set, and for its leads the forms that add a band, move
// one up and set a price from a date. Forms without JavaScript; each posts an `intent`.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  bindFields,
  Breadcrumbs,
  Button,
  DateInput,
  ErrorSummary,
  Input,
  NotificationBanner,
  Select,
  Table,
  Textarea,
  numericCell,
  type DateParts,
} from '@lip/ui';
import { govukDate } from '@lip/core/dates';
import {
  formatPounds,
  PROVISION_TYPE_LABELS,
  PROVISION_TYPES,
  type ProvisionTypeCode,
} from '@lip/core/funding';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { partsToIso } from '../lib/commitment-form.ts';
import { requiredDate } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';
import { errorItems } from '../lib/plan/error-items.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Banding and tariffs', page.partnership.name);

const QUERY = graphql(`
  query TariffsPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerIsLead
      bands {
        id
        name
        position
        descriptionOfNeed
      }
      history: tariffs {
        id
        bandName
        provisionType
        annualPrice
        effectiveFrom
        effectiveTo
        isInForce
      }
    }
  }
`);

const SAVED: Record<string, string> = {
  band: 'Band added',
  order: 'Bands reordered',
  tariff: 'Tariff set',
};

async function load(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  const saved = new URL(args.request.url).searchParams.get('saved') ?? '';
  return { partnership: page.partnership, saved: SAVED[saved] ?? null };
}

export const loader = load;

const CREATE_BAND = graphql(
  `
    mutation CreateBand($input: CreateBandInput!) {
      result: createBand(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);
const REORDER = graphql(
  `
    mutation ReorderBands($input: ReorderBandsInput!) {
      result: reorderBands(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);
const SET_TARIFF = graphql(
  `
    mutation SetTariff($input: SetTariffInput!) {
      result: setTariff(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface TariffValues {
  bandId: string;
  provisionType: string;
  annualPrice: string;
  effectiveFrom: DateParts;
  effectiveTo: DateParts;
}
interface BandValues {
  name: string;
  descriptionOfNeed: string;
}
interface ActionData {
  form: 'band' | 'tariff' | 'order';
  band?: BandValues;
  tariff?: TariffValues;
  errors: Record<string, string>;
}

const dateParts = (form: Awaited<ReturnType<typeof readForm>>, prefix: string): DateParts => ({
  day: form.text(`${prefix}-day`),
  month: form.text(`${prefix}-month`),
  year: form.text(`${prefix}-year`),
});

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await load(args);
  if (!partnership.viewerIsLead) forbidden('Only a partnership lead can change bands and tariffs');
  const form = await readForm(args.request);
  const here = `/partnerships/${encodeURIComponent(partnership.slug)}/tariffs`;

  if (form.intent === 'add-band') {
    const band = { name: form.text('name'), descriptionOfNeed: form.text('descriptionOfNeed') };
    const { result } = await gql(args.context, CREATE_BAND, {
      input: { partnershipId: partnership.id, ...band },
    });
    const outcome = unlessRefused(result);
    if (outcome.__typename === 'MutationCreateBandSuccess') throw redirect(`${here}?saved=band`);
    return data<ActionData>({ form: 'band', band, errors: formErrors(outcome) }, { status: 400 });
  }

  if (form.intent === 'move-up') {
    const ids = partnership.bands.map((b) => b.id);
    const at = ids.indexOf(form.text('bandId'));
    if (at > 0) [ids[at - 1], ids[at]] = [ids[at]!, ids[at - 1]!];
    const { result } = await gql(args.context, REORDER, {
      input: { partnershipId: partnership.id, bandIds: ids },
    });
    const outcome = unlessRefused(result);
    if (outcome.__typename === 'MutationReorderBandsSuccess') throw redirect(`${here}?saved=order`);
    return data<ActionData>({ form: 'order', errors: formErrors(outcome) }, { status: 400 });
  }

  if (form.intent !== 'set-tariff') throw new Response('Bad request', { status: 400 });
  const tariff: TariffValues = {
    bandId: form.text('bandId'),
    provisionType: form.text('provisionType'),
    annualPrice: form.text('annualPrice'),
    effectiveFrom: dateParts(form, 'effectiveFrom'),
    effectiveTo: dateParts(form, 'effectiveTo'),
  };
  const errors: Record<string, string> = {};
  if (!partnership.bands.some((b) => b.id === tariff.bandId)) errors.bandId = 'Choose a band';
  if (!(PROVISION_TYPES as readonly string[]).includes(tariff.provisionType))
    errors.provisionType = 'Choose the type of provision';
  const from = requiredDate(tariff.effectiveFrom, 'Start date');
  if (!from.ok) errors.effectiveFrom = from.message;
  const to = partsToIso(tariff.effectiveTo, 'End date');
  if (!to.ok) errors.effectiveTo = to.message;
  if (Object.keys(errors).length > 0 || !from.ok || !to.ok)
    return data<ActionData>({ form: 'tariff', tariff, errors }, { status: 400 });
  const { result } = await gql(args.context, SET_TARIFF, {
    input: {
      bandId: tariff.bandId,
      provisionType: tariff.provisionType as ProvisionTypeCode,
      annualPrice: tariff.annualPrice,
      effectiveFrom: from.value,
      effectiveTo: to.value,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationSetTariffSuccess') throw redirect(`${here}?saved=tariff`);
  return data<ActionData>({ form: 'tariff', tariff, errors: formErrors(outcome) }, { status: 400 });
}

const BAND_TARGETS = [
  ['name', 'name'],
  ['descriptionOfNeed', 'descriptionOfNeed'],
] as const;
const TARIFF_TARGETS = [
  ['bandId', 'bandId'],
  ['provisionType', 'provisionType'],
  ['annualPrice', 'annualPrice'],
  ['effectiveFrom', 'effectiveFrom-day'],
  ['effectiveTo', 'effectiveTo-day'],
] as const;

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

export default function Tariffs() {
  const { partnership, saved } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as ActionData | undefined;
  const summary = !failed
    ? []
    : failed.form === 'band'
      ? errorItems(failed.errors, [...BAND_TARGETS, ['_form', 'name']])
      : failed.form === 'tariff'
        ? errorItems(failed.errors, [...TARIFF_TARGETS, ['_form', 'annualPrice']])
        : errorItems(failed.errors, [['_form', 'bands']]);
  useErrorTitle(summary.length > 0);
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}`;
  const bandErrors = failed?.form === 'band' ? failed.errors : {};
  const tariffErrors = failed?.form === 'tariff' ? failed.errors : {};
  const bandField = bindFields(failed?.band ?? { name: '', descriptionOfNeed: '' }, bandErrors);
  const tariffValues = failed?.tariff ?? {
    bandId: partnership.bands[0]?.id ?? '',
    provisionType: 'MAINSTREAM_TOP_UP',
    annualPrice: '',
    effectiveFrom: EMPTY_DATE,
    effectiveTo: EMPTY_DATE,
  };
  const tariffField = bindFields(
    {
      bandId: tariffValues.bandId,
      provisionType: tariffValues.provisionType,
      annualPrice: tariffValues.annualPrice,
    },
    tariffErrors,
  );
  const inForce = partnership.history.filter((t) => t.isInForce);
  const priceOf = (band: string, type: string) =>
    inForce.find((t) => t.bandName === band && t.provisionType === type);
  const lead = partnership.viewerIsLead;

  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: base },
          { text: 'Banding and tariffs' },
        ]}
      />
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {saved && !failed && <NotificationBanner type="success" heading={saved} />}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Banding and tariffs</h1>
      <p className="govuk-body">
        Bands describe levels of need; a tariff is the annual price of a place in a band for a type
        of provision. A plan’s version freezes the tariff in force when it is submitted.
      </p>

      <h2 className="govuk-heading-m" id="bands">
        Bands
      </h2>
      {partnership.bands.length === 0 ? (
        <p className="govuk-body">The partnership has no bands yet.</p>
      ) : (
        <Table
          caption="Bands, lowest need first"
          captionSize="s"
          region="Bands"
          head={[
            'Band',
            'Description of need',
            ...(lead
              ? [
                  <span className="govuk-visually-hidden" key="action">
                    Order
                  </span>,
                ]
              : []),
          ]}
          firstCellIsHeader
          rowKeys={partnership.bands.map((b) => b.id)}
          rows={partnership.bands.map((b, i) => [
            b.name,
            b.descriptionOfNeed,
            ...(lead
              ? [
                  i === 0 ? (
                    ''
                  ) : (
                    <form method="post" noValidate key={b.id}>
                      <input type="hidden" name="bandId" value={b.id} />
                      <Button
                        variant="secondary"
                        name="intent"
                        value="move-up"
                        className="govuk-!-margin-bottom-0"
                      >
                        Move up<span className="govuk-visually-hidden"> {b.name}</span>
                      </Button>
                    </form>
                  ),
                ]
              : []),
          ])}
        />
      )}

      <h2 className="govuk-heading-m">Tariffs in force today</h2>
      {partnership.bands.length === 0 ? (
        <p className="govuk-body">Add a band first.</p>
      ) : (
        <Table
          caption="Annual price per place, by band and type of provision"
          captionSize="s"
          region="Tariffs in force"
          firstCellIsHeader
          head={[
            'Band',
            ...PROVISION_TYPES.map((type) => numericCell(PROVISION_TYPE_LABELS[type])),
          ]}
          rowKeys={partnership.bands.map((b) => b.id)}
          rows={partnership.bands.map((b) => [
            b.name,
            ...PROVISION_TYPES.map((type) => {
              const t = priceOf(b.name, type);
              return numericCell(t ? formatPounds(t.annualPrice) : 'None');
            }),
          ])}
        />
      )}

      {lead && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m">Add a band</h2>
            <form method="post" noValidate>
              <Input {...bandField.text('name')} label="Name" hint="For example, Band 4" />
              <Textarea
                {...bandField.text('descriptionOfNeed')}
                label="Description of need"
                hint="The needs a child in this band has, in a sentence or two."
                rows={3}
              />
              <Button name="intent" value="add-band">
                Add band
              </Button>
            </form>

            {partnership.bands.length > 0 && (
              <>
                <h2 className="govuk-heading-m">Set a tariff</h2>
                <p className="govuk-body">
                  A new price replaces the one in force from its start date: the old price ends the
                  day before. Dates that overlap any other price are refused.
                </p>
                <form method="post" noValidate>
                  <Select
                    {...tariffField.text('bandId')}
                    label="Band"
                    options={partnership.bands.map((b) => ({ value: b.id, text: b.name }))}
                  />
                  <Select
                    {...tariffField.text('provisionType')}
                    label="Type of provision"
                    options={PROVISION_TYPES.map((type) => ({
                      value: type,
                      text: PROVISION_TYPE_LABELS[type],
                    }))}
                  />
                  <Input
                    {...tariffField.text('annualPrice')}
                    label="Annual price per place"
                    hint="In pounds, for example 12500 or 12500.50"
                    inputMode="decimal"
                    width="10"
                    prefix="£"
                  />
                  <DateInput
                    id="effectiveFrom"
                    legend="Start date"
                    hint="For example, 1 4 2027"
                    value={tariffValues.effectiveFrom}
                    errorMessage={tariffErrors.effectiveFrom}
                  />
                  <DateInput
                    id="effectiveTo"
                    legend="End date (optional)"
                    hint="Leave empty for until it is replaced"
                    value={tariffValues.effectiveTo}
                    errorMessage={tariffErrors.effectiveTo}
                  />
                  <Button name="intent" value="set-tariff">
                    Set tariff
                  </Button>
                </form>
              </>
            )}
          </div>
        </div>
      )}

      <h2 className="govuk-heading-m">History</h2>
      {partnership.history.length === 0 ? (
        <p className="govuk-body">No tariffs have been set.</p>
      ) : (
        <Table
          caption="Every tariff set, by band and type of provision"
          captionSize="s"
          region="Tariff history"
          head={['Band', 'Type of provision', numericCell('Annual price'), 'From', 'To']}
          rowKeys={partnership.history.map((t) => t.id)}
          rows={partnership.history.map((t) => [
            t.bandName,
            PROVISION_TYPE_LABELS[t.provisionType],
            numericCell(formatPounds(t.annualPrice)),
            govukDate(t.effectiveFrom),
            t.effectiveTo ? govukDate(t.effectiveTo) : 'Until replaced',
          ])}
        />
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
