// A commitment's high-needs budget lines (issue 16): the lines it draws on, a button to remove each,
// and a form to add one (what it is for, block, amount, financial year). Forms without JavaScript.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  bindFields,
  Button,
  FormActions,
  Input,
  NotificationBanner,
  Select,
  Table,
  numericCell,
} from '@lip/ui';
import {
  financialYearLabel,
  financialYearOf,
  FUNDING_BLOCK_LABELS,
  FUNDING_BLOCKS,
  formatPounds,
  type FundingBlockCode,
} from '@lip/core/funding';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR, PLAN_HEADING } from '../graphql.ts';
import { commitmentPath } from '../lib/commitment-parts.server.ts';
import { commitmentHere } from '../lib/commitment-page.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { forbidden, formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { CommitmentPartPage } from '../lib/plan/CommitmentPartPage.tsx';
import { errorItems } from '../lib/plan/error-items.ts';
import { queryPlanPage, sectionVariables } from '../lib/plan/query-page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Budget lines', page.commitment.reference, page.plan.title);

const QUERY = graphql(
  `
    query CommitmentBudgetPage($planId: ID!, $key: String!, $id: ID!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        periodStart
        periodEnd
        section(key: $key) {
          key
          title
        }
      }
      commitment(id: $id) {
        id
        reference
        title
        viewerCanEdit
        plan {
          id
        }
        section {
          key
        }
        budgetLines {
          id
          name
          block
          amount
          financialYear
          financialYearLabel
        }
      }
    }
  `,
  [PLAN_HEADING],
);

async function load({ request, params, context }: LoaderFunctionArgs) {
  const { plan, commitment: found } = await queryPlanPage(request, context, QUERY, {
    ...sectionVariables(params),
    id: params.commitmentId ?? '',
  });
  const commitment = commitmentHere(found, plan);
  invariantResponse(plan.section);
  if (!commitment.viewerCanEdit)
    forbidden(
      'Only the section’s editors and the partnership lead can change this commitment, while the plan is a draft',
    );
  // The financial years the plan's period touches, and one either side.
  const first = financialYearOf(new Date(plan.periodStart)) - 1;
  const last = financialYearOf(new Date(plan.periodEnd)) + 1;
  const years = Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => first + i);
  const done = new URL(request.url).searchParams.get('done');
  return {
    plan: { ...plan, section: plan.section },
    commitment,
    done:
      done === 'added' ? 'Budget line added' : done === 'removed' ? 'Budget line removed' : null,
    years,
    defaultYear: first + 1,
    back: commitmentPath(params),
  };
}

export const loader = load;

const ADD = graphql(
  `
    mutation AddBudgetLine($input: AddBudgetLineInput!) {
      result: addBudgetLine(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);
const REMOVE = graphql(
  `
    mutation RemoveBudgetLine($input: RemoveBudgetLineInput!) {
      result: removeBudgetLine(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface Values {
  name: string;
  block: string;
  amount: string;
  financialYear: string;
}

const TARGETS = [
  ['name', 'name'],
  ['block', 'block'],
  ['amount', 'amount'],
  ['financialYear', 'financialYear'],
] as const;

export async function action(args: ActionFunctionArgs) {
  const page = await load(args);
  const form = await readForm(args.request);
  const here = `/plans/${encodeURIComponent(args.params.planId ?? '')}/sections/${encodeURIComponent(args.params.sectionKey ?? '')}/commitments/${encodeURIComponent(args.params.commitmentId ?? '')}/budget`;
  if (form.intent === 'remove') {
    const { result } = await gql(args.context, REMOVE, { input: { id: form.text('lineId') } });
    const outcome = unlessRefused(result);
    if (outcome.__typename === 'MutationRemoveBudgetLineSuccess')
      throw redirect(`${here}?done=removed`);
    return data({ values: null, errors: formErrors(outcome) }, { status: 400 });
  }
  const values: Values = {
    name: form.text('name'),
    block: form.text('block'),
    amount: form.text('amount'),
    financialYear: form.text('financialYear'),
  };
  const block = (FUNDING_BLOCKS as readonly string[]).includes(values.block)
    ? (values.block as FundingBlockCode)
    : null;
  const year = page.years.includes(Number(values.financialYear))
    ? Number(values.financialYear)
    : null;
  if (!block || year === null)
    return data(
      {
        values,
        errors: {
          ...(!block ? { block: 'Choose the block the money comes from' } : {}),
          ...(year === null ? { financialYear: 'Choose the financial year' } : {}),
        },
      },
      { status: 400 },
    );
  const { result } = await gql(args.context, ADD, {
    input: {
      commitmentId: page.commitment.id,
      name: values.name,
      block,
      amount: values.amount,
      financialYear: year,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationAddBudgetLineSuccess') throw redirect(`${here}?done=added`);
  return data({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function CommitmentBudget() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const errors: Record<string, string> = failed?.errors ?? {};
  const values: Values = failed?.values ?? {
    name: '',
    block: 'HIGH_NEEDS',
    amount: '',
    financialYear: String(page.defaultYear),
  };
  const field = bindFields(values, errors);
  const lines = page.commitment.budgetLines;
  const total = lines.reduce((sum, l) => sum + BigInt(l.amount.replace('.', '')), 0n);
  return (
    <CommitmentPartPage
      {...page}
      heading="Budget lines"
      errors={errorItems(errors, [...TARGETS, ['_form', 'name']])}
    >
      {page.done && !failed && <NotificationBanner type="success" heading={page.done} />}
      <p className="govuk-body">{page.commitment.title}</p>
      {lines.length === 0 ? (
        <p className="govuk-body">This commitment has no budget lines yet.</p>
      ) : (
        <Table
          caption="Budget lines of this commitment"
          captionSize="s"
          region="Budget lines"
          head={[
            'What the money is for',
            'Block',
            'Financial year',
            numericCell('Amount'),
            <span className="govuk-visually-hidden" key="action">
              Remove
            </span>,
          ]}
          rowKeys={lines.map((l) => l.id)}
          rows={[
            ...lines.map((l) => [
              l.name,
              FUNDING_BLOCK_LABELS[l.block],
              l.financialYearLabel,
              numericCell(formatPounds(l.amount)),
              <form method="post" noValidate key={l.id}>
                <input type="hidden" name="lineId" value={l.id} />
                <Button
                  variant="secondary"
                  name="intent"
                  value="remove"
                  className="govuk-!-margin-bottom-0"
                >
                  Remove
                  <span className="govuk-visually-hidden">
                    {' '}
                    {l.name}, {l.financialYearLabel}
                  </span>
                </Button>
              </form>,
            ]),
            [
              <strong key="total">Total</strong>,
              '',
              '',
              numericCell(
                <strong>
                  {formatPounds(`${total / 100n}.${String(total % 100n).padStart(2, '0')}`)}
                </strong>,
              ),
              '',
            ],
          ]}
        />
      )}
      <h2 className="govuk-heading-m">Add a budget line</h2>
      <form method="post" noValidate>
        <Input
          {...field.text('name')}
          label="What the money is for"
          hint="For example, Inclusion development fund"
        />
        <Select
          {...field.text('block')}
          label="Block"
          hint="The block of the dedicated schools grant it comes from, or outside the grant."
          options={FUNDING_BLOCKS.map((b) => ({ value: b, text: FUNDING_BLOCK_LABELS[b] }))}
        />
        <Input
          {...field.text('amount')}
          label="Amount"
          hint="In pounds, for example 45000 or 45000.50"
          inputMode="decimal"
          width="10"
          prefix="£"
        />
        <Select
          {...field.text('financialYear')}
          label="Financial year"
          hint="April to March"
          options={page.years.map((y) => ({ value: String(y), text: financialYearLabel(y) }))}
        />
        <FormActions submit="Add budget line" cancelHref={page.back} />
      </form>
    </CommitmentPartPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
