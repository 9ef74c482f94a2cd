// Record one organisation's decision on the version under review (or the parent carer forum's
// acknowledgement): decision, conditions or reasons, who signed, where and when it was decided.
// The conditional textareas are all shown without JavaScript; with it (govuk-frontend-supported),
// a CSS :has() rule shows only the checked decision's. govuk-frontend's own reveal is not used because
// it puts aria-expanded on the radios, which ARIA does not allow on role radio (axe's aria-allowed-attr).
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  bindFields,
  Button,
  DateInput,
  ErrorMessage,
  Fieldset,
  FormGroup,
  FormPage,
  InsetText,
  Input,
  Textarea,
  type DateParts,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { FORUM_CONCERNS, LEAD_NOTE } from '../components/workflow/labels.ts';
import { RECORD_SIGN_OFF, runTransition } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { errorItems } from '../lib/plan/error-items.ts';
import { PLAN_SIGNATORY } from '../lib/plan/fragments.ts';
import { queryPlanPage } from '../lib/plan/query-page.server.ts';
import { isoDate } from '../lib/iso-date.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Sign-off for ${page.signatory.organisation.name}`, page.plan.title);

const QUERY = graphql(
  `
    query SignOffPage($id: ID!) {
      viewer {
        id
        name
      }
      plan(id: $id) {
        id
        title
        state
        currentVersion {
          number
          state
          note
        }
        signatories {
          ...PlanSignatory
          signOff {
            decision
          }
        }
      }
    }
  `,
  [PLAN_SIGNATORY],
);

async function loadPage({ request, params, context }: LoaderFunctionArgs) {
  const {
    viewer,
    plan: { signatories, ...plan },
  } = await queryPlanPage(request, context, QUERY, { id: params.planId ?? '' });
  const signatory = signatories.find((s) => s.organisation.id === params.organisationId);
  invariantResponse(signatory);
  return { plan, signatory, viewerName: viewer.name };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

const SIGN_OFF_DECISIONS = [
  { value: 'APPROVED', text: 'Approved' },
  {
    value: 'APPROVED_WITH_CONDITIONS',
    text: 'Approved with conditions',
    conditional: { name: 'conditions', label: 'What are the conditions?' },
  },
  {
    value: 'REJECTED',
    text: 'Rejected',
    conditional: { name: 'reasons', label: 'Why was the plan rejected?' },
  },
] as const;

/** A signing organisation decides; the parent carer forum acknowledges, in its own words. */
const SIGN_OFF_WORDS = {
  name: 'Name of the signatory',
  nameMissing: 'Enter the name of the person who signed',
  role: 'Their role',
  roleHint: 'For example, Director of Children’s Services',
  forum: 'Where was the decision taken?',
  forumHint: 'The meeting or board, for example ICB board, 12 March 2027',
  forumMissing: 'Enter the meeting or board where the decision was taken',
  date: 'Date of the decision',
} as const;
const ACKNOWLEDGEMENT_WORDS = {
  name: 'Name of the person acknowledging',
  nameMissing: 'Enter the name of the person acknowledging the plan',
  role: 'Their role in the forum',
  roleHint: 'For example, chair of the parent carer forum',
  forum: 'Where did the forum agree to acknowledge the plan?',
  forumHint: 'The meeting, for example forum steering group, 12 March 2027',
  forumMissing: 'Enter the meeting where the forum agreed to acknowledge the plan',
  date: 'Date of the acknowledgement',
} satisfies Record<keyof typeof SIGN_OFF_WORDS, string>;

/** Hides a decision's follow-up question until that decision is checked, when JavaScript runs. */
const CONDITIONAL_REVEAL =
  '.govuk-frontend-supported .lip-decision-radios > div:has(> .govuk-radios__item > .govuk-radios__input:not(:checked)) > .govuk-radios__conditional { display: none; }';

interface SignOffValues {
  decision: string;
  conditions: string;
  reasons: string;
  concerns: string;
  signatoryName: string;
  signatoryRole: string;
  forum: string;
  decidedOn: DateParts;
}

interface SignOffActionData {
  values: SignOffValues;
  errors: Record<string, string>;
  message?: string;
}

/** Where each field's error links to, in page order. */
const FIELD_TARGETS: ReadonlyArray<readonly [keyof SignOffValues | '_form', string]> = [
  ['decision', 'decision'],
  ['conditions', 'conditions'],
  ['reasons', 'reasons'],
  ['concerns', 'concerns'],
  ['signatoryName', 'signatoryName'],
  ['signatoryRole', 'signatoryRole'],
  ['forum', 'forum'],
  ['decidedOn', 'decidedOn-day'],
  ['_form', 'main-form'],
];

export async function action(args: ActionFunctionArgs) {
  const { request, params, context } = args;
  const { plan, signatory } = await loadPage(args);
  const form = await readForm(request);
  const values: SignOffValues = {
    decision: signatory.kind === 'ACKNOWLEDGEMENT' ? 'ACKNOWLEDGED' : form.text('decision'),
    conditions: form.text('conditions'),
    reasons: form.text('reasons'),
    concerns: form.text('concerns'),
    signatoryName: form.text('signatoryName'),
    signatoryRole: form.text('signatoryRole'),
    forum: form.text('forum'),
    decidedOn: {
      day: form.text('decidedOn-day'),
      month: form.text('decidedOn-month'),
      year: form.text('decidedOn-year'),
    },
  };
  // The API checks the required fields in two rounds (the text fields, then the conditions once
  // those pass) and cannot be sent a missing decision or an unreal date; the form checks them all
  // here so a person sees every error at once.
  const decision =
    signatory.kind === 'ACKNOWLEDGEMENT'
      ? 'ACKNOWLEDGED'
      : SIGN_OFF_DECISIONS.find((d) => d.value === values.decision)?.value;
  const acknowledgement = signatory.kind === 'ACKNOWLEDGEMENT';
  const errors: Record<string, string> = {};
  if (!decision) errors.decision = 'Select the decision';
  if (values.decision === 'APPROVED_WITH_CONDITIONS' && !values.conditions)
    errors.conditions = 'Enter the conditions';
  if (values.decision === 'REJECTED' && !values.reasons)
    errors.reasons = 'Enter why the plan was rejected';
  const words = acknowledgement ? ACKNOWLEDGEMENT_WORDS : SIGN_OFF_WORDS;
  if (!values.signatoryName) errors.signatoryName = words.nameMissing;
  if (!values.signatoryRole) errors.signatoryRole = 'Enter their role';
  if (!values.forum) errors.forum = words.forumMissing;
  const decidedOn = isoDate(values.decidedOn);
  if (!decidedOn) errors.decidedOn = `${words.date} must be a real date, for example 27 3 2027`;
  else if (decidedOn > new Date().toISOString().slice(0, 10))
    errors.decidedOn = `${words.date} must be today or in the past`;
  if (Object.keys(errors).length > 0 || !decision || !decidedOn)
    return data<SignOffActionData>({ values, errors }, { status: 400 });

  const conditions =
    values.decision === 'APPROVED_WITH_CONDITIONS'
      ? values.conditions
      : values.decision === 'REJECTED'
        ? values.reasons
        : null;
  const outcome = await runTransition(context, RECORD_SIGN_OFF, {
    input: {
      planId: params.planId ?? '',
      versionNumber: plan.currentVersion?.number ?? 0,
      organisationId: signatory.organisation.id,
      decision,
      conditions,
      concerns: acknowledgement ? values.concerns || null : null,
      signatoryName: values.signatoryName,
      signatoryRole: values.signatoryRole,
      forum: values.forum,
      decidedOn,
    },
  });
  if (outcome.ok) {
    throw redirect(
      `${planPath(plan.id, `/versions/${plan.currentVersion?.number ?? ''}`)}?recorded=${encodeURIComponent(signatory.organisation.name)}`,
    );
  }
  const apiErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(outcome.fieldErrors)) {
    // The API names the one conditions field; the form asks for conditions or reasons by decision.
    apiErrors[field === 'conditions' && values.decision === 'REJECTED' ? 'reasons' : field] =
      message;
  }
  if (Object.keys(apiErrors).length === 0) apiErrors._form = outcome.message;
  return data<SignOffActionData>({ values, errors: apiErrors }, { status: outcome.status });
}

export default function SignOff() {
  const { plan, signatory, viewerName } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const errors: Record<string, string> = failure?.errors ?? {};
  const values: SignOffValues = failure?.values ?? {
    decision: '',
    conditions: '',
    reasons: '',
    concerns: '',
    signatoryName: viewerName,
    signatoryRole: '',
    forum: '',
    decidedOn: { day: '', month: '', year: '' },
  };
  const field = bindFields(values, errors);
  const acknowledgement = signatory.kind === 'ACKNOWLEDGEMENT';
  const words = acknowledgement ? ACKNOWLEDGEMENT_WORDS : SIGN_OFF_WORDS;
  const heading = acknowledgement
    ? `Acknowledge the plan for ${signatory.organisation.name}`
    : `Record the decision of ${signatory.organisation.name}`;
  const version = plan.currentVersion;
  const open = plan.state === 'PARTNER_REVIEW' && version !== null;
  return (
    <FormPage
      back={{
        href: version ? planPath(plan.id, `/versions/${version.number}`) : planPath(plan.id),
        text: 'Back to the version',
      }}
      errors={errorItems(errors, FIELD_TARGETS)}
      caption={`${plan.title}${version ? `, version ${version.number}` : ''}`}
      heading={heading}
    >
      {!open && (
        <InsetText>
          The plan is not in partner review, so no decision can be recorded now.
        </InsetText>
      )}
      {open && signatory.signOff && (
        <InsetText>
          A decision has already been recorded for {signatory.organisation.name}.
        </InsetText>
      )}
      {open && !signatory.signOff && !signatory.viewerCanRecord && (
        <InsetText>
          Only a signatory of {signatory.organisation.name} can record its decision.
        </InsetText>
      )}
      {version?.note && (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s govuk-!-margin-bottom-2">{LEAD_NOTE}</h2>
          <p className="govuk-body lip-preserve-lines govuk-!-margin-bottom-0">{version.note}</p>
        </div>
      )}
      <form method="post" id="main-form" noValidate>
        {acknowledgement ? (
          <>
            <h2 className="govuk-heading-m">What acknowledging means</h2>
            <p className="govuk-body">
              By acknowledging, the forum records that it has seen version {version?.number} and how
              families’ views shaped it. The forum does not approve or reject the plan: that is for
              the signing organisations.
            </p>
            <p className="govuk-body">
              If the forum has concerns, record them here. They are kept with the acknowledgement,
              and the partnership lead reads them before publishing the plan.
            </p>
            <Textarea
              {...field.text('concerns')}
              label={`${FORUM_CONCERNS} (optional)`}
              labelSize="s"
              hint="For example, what families told the forum is still missing from the plan"
              rows={5}
            />
          </>
        ) : (
          <FormGroup error={Boolean(errors.decision || errors.conditions || errors.reasons)}>
            <Fieldset
              legend="Decision"
              legendSize="m"
              describedBy={errors.decision ? 'decision-error' : undefined}
            >
              {errors.decision && (
                <ErrorMessage id="decision-error">{errors.decision}</ErrorMessage>
              )}
              <style dangerouslySetInnerHTML={{ __html: CONDITIONAL_REVEAL }} />
              <div className="govuk-radios lip-decision-radios">
                {SIGN_OFF_DECISIONS.map((d, index) => {
                  const id = index === 0 ? 'decision' : `decision-${index + 1}`;
                  const conditional = 'conditional' in d ? d.conditional : undefined;
                  return (
                    <div key={d.value}>
                      <div className="govuk-radios__item">
                        <input
                          className="govuk-radios__input"
                          id={id}
                          name="decision"
                          type="radio"
                          value={d.value}
                          defaultChecked={values.decision === d.value}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={id}>
                          {d.text}
                        </label>
                      </div>
                      {conditional && (
                        <div className="govuk-radios__conditional" id={`conditional-${id}`}>
                          <Textarea
                            id={conditional.name}
                            name={conditional.name}
                            label={conditional.label}
                            hint={
                              conditional.name === 'reasons'
                                ? 'The plan goes back to draft'
                                : 'Answer only if you selected approved with conditions'
                            }
                            rows={4}
                            errorMessage={errors[conditional.name]}
                            defaultValue={values[conditional.name]}
                          />
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            </Fieldset>
          </FormGroup>
        )}
        <Input {...field.text('signatoryName')} label={words.name} autoComplete="name" />
        <Input
          {...field.text('signatoryRole')}
          label={words.role}
          hint={words.roleHint}
          autoComplete="organization-title"
        />
        <Input {...field.text('forum')} label={words.forum} hint={words.forumHint} />
        <DateInput {...field.date('decidedOn')} legend={words.date} hint="For example, 27 3 2027" />
        {errors._form && <p className="govuk-error-message">{errors._form}</p>}
        <Button>{acknowledgement ? 'Record acknowledgement' : 'Record decision'}</Button>
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
