import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  bindFields,
  BackLink,
  Breadcrumbs,
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Footer,
  FormActions,
  FormPage,
  Header,
  Input,
  NotificationBanner,
  numericCell,
  PhaseBanner,
  Radios,
  Select,
  SkipLink,
  SummaryList,
  Table,
  Tag,
  TaskList,
  Textarea,
  WarningText,
  InsetText,
} from '../src/index.ts';

const html = (el: ReactElement) => renderToStaticMarkup(el);
const doc = (el: ReactElement) => {
  // A tiny DOM-free query helper: the markup is small and well formed.
  const markup = html(el);
  return {
    markup,
    attr(tagWithId: string, name: string): string | undefined {
      const tag = markup.match(new RegExp(`<[^>]*id="${tagWithId}"[^>]*>`))?.[0];
      return tag?.match(new RegExp(`${name}="([^"]*)"`))?.[1];
    },
  };
};

describe('text inputs', () => {
  it('wires the hint and the error to the input with aria-describedby', () => {
    const d = doc(
      <Input
        id="title"
        name="title"
        label="Title"
        hint="Keep it short"
        errorMessage="Enter a title"
      />,
    );
    expect(d.markup).toContain('govuk-form-group govuk-form-group--error');
    expect(d.markup).toContain('class="govuk-input govuk-input--error"');
    expect(d.attr('title', 'aria-describedby')).toBe('title-hint title-error');
    expect(d.markup).toContain(
      '<p id="title-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter a title</p>',
    );
    expect(d.markup).toContain('<label class="govuk-label" for="title">Title</label>');
  });

  it('has no aria-describedby and no error classes without hint or error', () => {
    const d = doc(<Input id="email" name="email" label="Email" type="email" />);
    expect(d.attr('email', 'aria-describedby')).toBeUndefined();
    expect(d.markup).not.toContain('--error');
  });

  it('renders the label as the page heading when asked', () => {
    expect(html(<Input id="x" name="x" label="Name" labelSize="l" isPageHeading />)).toContain(
      '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="x">Name</label></h1>',
    );
  });

  it('textarea and select carry their error classes', () => {
    const t = doc(<Textarea id="d" name="d" label="Description" errorMessage="Too long" />);
    expect(t.markup).toContain('govuk-textarea govuk-textarea--error');
    expect(t.attr('d', 'aria-describedby')).toBe('d-error');
    const s = doc(
      <Select
        id="o"
        name="o"
        label="Owner"
        options={[{ value: 'a', text: 'A' }]}
        errorMessage="Select an owner"
      />,
    );
    expect(s.markup).toContain('govuk-select govuk-select--error');
    expect(s.attr('o', 'aria-describedby')).toBe('o-error');
  });
});

describe('radios and checkboxes', () => {
  it('groups the choices in a fieldset whose legend names them, with the error on the fieldset', () => {
    const markup = html(
      <Radios
        idPrefix="phase"
        name="phase"
        legend="Phase"
        legendSize="m"
        errorMessage="Select a phase"
        value="PRIMARY"
        items={[
          { value: 'EARLY_YEARS', text: 'Early years' },
          { value: 'PRIMARY', text: 'Primary' },
        ]}
      />,
    );
    expect(markup).toContain('<fieldset class="govuk-fieldset" aria-describedby="phase-error">');
    expect(markup).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Phase</legend>',
    );
    expect(markup).toContain('class="govuk-radios" data-module="govuk-radios"');
    expect(markup).toContain('id="phase" name="phase" type="radio" value="EARLY_YEARS"');
    expect(markup).toMatch(/id="phase-2" name="phase" type="radio" checked="" value="PRIMARY"/);
    expect(markup).toContain(
      '<label class="govuk-label govuk-radios__label" for="phase-2">Primary</label>',
    );
  });

  it('checks every selected checkbox', () => {
    const markup = html(
      <Checkboxes
        idPrefix="needAreas"
        name="needAreas"
        legend="Need areas"
        hint="Select all that apply"
        values={['CI', 'SP']}
        items={[
          { value: 'CI', text: 'Communication and interaction' },
          { value: 'CL', text: 'Cognition and learning' },
          { value: 'SP', text: 'Sensory and/or physical' },
        ]}
      />,
    );
    expect(markup).toContain('aria-describedby="needAreas-hint"');
    expect(markup.match(/checked=""/g)).toHaveLength(2);
    expect(markup).toContain('class="govuk-checkboxes__input" id="needAreas-3"');
  });
});

describe('date input', () => {
  it('renders day, month and year inputs in a group fieldset', () => {
    const markup = html(
      <DateInput
        id="dueDate"
        legend="Due date"
        hint="For example, 27 3 2027"
        errorMessage="Due date must be a real date"
        value={{ day: '1', month: '9', year: '2026' }}
      />,
    );
    expect(markup).toContain(
      '<fieldset class="govuk-fieldset" aria-describedby="dueDate-hint dueDate-error" role="group">',
    );
    expect(markup).toContain(
      'id="dueDate-day" name="dueDate-day" type="text" inputMode="numeric" value="1"',
    );
    expect(markup).toContain(
      'govuk-input govuk-date-input__input govuk-input--width-4 govuk-input--error',
    );
  });
});

describe('bound fields', () => {
  const values = {
    title: 'Joint commissioning',
    phase: 'early-years',
    areas: ['a1'],
    due: { day: '31', month: '3', year: '2027' },
  };
  const field = bindFields(values, { title: 'Enter a shorter title', due: 'Enter a real date' });

  it('gives a text field its id, name, value and error from one key', () => {
    const d = doc(<Input {...field.text('title')} label="Title" />);
    expect(d.attr('title', 'name')).toBe('title');
    expect(d.attr('title', 'value')).toBe('Joint commissioning');
    expect(d.attr('title', 'aria-describedby')).toBe('title-error');
    expect(d.markup).toContain('Enter a shorter title');
  });

  const checkedInput = (value: string) =>
    new RegExp(`<input(?=[^>]*value="${value}")(?=[^>]*checked="")[^>]*>`);

  it('checks the chosen radio and the chosen boxes, with no error where none was reported', () => {
    const radios = html(
      <Radios
        {...field.radios('phase')}
        legend="Phase"
        items={[
          { value: 'early-years', text: 'Early years' },
          { value: 'school', text: 'School' },
        ]}
      />,
    );
    expect(radios).toMatch(checkedInput('early-years'));
    expect(radios).not.toContain('govuk-error-message');
    const boxes = html(
      <Checkboxes
        {...field.checkboxes('areas')}
        legend="Areas"
        items={[
          { value: 'a1', text: 'A1' },
          { value: 'a2', text: 'A2' },
        ]}
      />,
    );
    expect(boxes).toMatch(checkedInput('a1'));
    expect(boxes).not.toMatch(checkedInput('a2'));
  });

  it('fills a date input from its parts and names it by the key', () => {
    const d = doc(<DateInput {...field.date('due')} legend="Due date" />);
    expect(d.attr('due-day', 'name')).toBe('due-day');
    expect(d.attr('due-year', 'value')).toBe('2027');
    expect(d.markup).toContain('Enter a real date');
  });

  it('reads a missing or mistyped value as empty rather than failing', () => {
    const odd = bindFields({
      title: undefined as string | undefined,
      areas: 'not-a-list' as unknown,
    });
    expect(odd.text('title').defaultValue).toBe('');
    expect(odd.checkboxes('areas').values).toEqual([]);
  });
});

describe('error summary', () => {
  it('links each message to its field and is announced', () => {
    const markup = html(<ErrorSummary errors={[{ href: 'title', text: 'Enter a title' }]} />);
    expect(markup).toContain(
      'class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">',
    );
    expect(markup).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    expect(markup).toContain('<li><a href="#title">Enter a title</a></li>');
  });
});

describe('form page', () => {
  it('puts the error summary first in the column, before the caption and heading', () => {
    const markup = html(
      <FormPage
        back={{ href: '/plans/1', text: 'Back to the plan' }}
        caption="Northshire"
        heading="Archive this plan?"
        errors={[{ href: 'archive', text: 'The plan has changed' }]}
      >
        <p>Body</p>
      </FormPage>,
    );
    expect(markup).toContain('href="/plans/1"');
    expect(markup).toContain('Back to the plan');
    const summary = markup.indexOf('govuk-error-summary');
    const caption = markup.indexOf('<span class="govuk-caption-l">Northshire</span>');
    const heading = markup.indexOf(
      '<h1 class="govuk-heading-l lip-break-words">Archive this plan?</h1>',
    );
    expect(summary).toBeGreaterThan(-1);
    expect(caption).toBeGreaterThan(summary);
    expect(heading).toBeGreaterThan(caption);
    expect(markup.indexOf('<p>Body</p>')).toBeGreaterThan(heading);
  });

  it('shows no error summary and no caption when there are none', () => {
    const markup = html(
      <FormPage back={{ href: '/', text: 'Back' }} heading="Question" size="xl">
        <p>Body</p>
      </FormPage>,
    );
    expect(markup).not.toContain('govuk-error-summary');
    expect(markup).not.toContain('govuk-caption');
    expect(markup).toContain('<h1 class="govuk-heading-xl lip-break-words">Question</h1>');
  });

  it('form actions pair the submit button with a cancel link', () => {
    const markup = html(
      <FormActions submit="Revoke invitation" variant="warning" id="revoke" cancelHref="/list" />,
    );
    expect(markup).toMatch(
      /<div class="govuk-button-group"><button id="revoke" type="submit" class="govuk-button govuk-button--warning"[^>]*>Revoke invitation<\/button><a class="govuk-link" href="\/list">Cancel<\/a><\/div>/,
    );
    expect(html(<FormActions submit="Save" />)).not.toContain('Cancel');
  });
});

describe('content components', () => {
  it('task list links describe themselves by their status', () => {
    const markup = html(
      <TaskList
        items={[
          { title: 'Health', href: '/s/health', status: <Tag colour="blue">In progress</Tag> },
        ]}
      />,
    );
    expect(markup).toContain('govuk-task-list__item govuk-task-list__item--with-link');
    expect(markup).toContain(
      '<a class="govuk-link govuk-task-list__link" href="/s/health" aria-describedby="task-list-1-status">Health</a>',
    );
    expect(markup).toContain(
      '<div class="govuk-task-list__status" id="task-list-1-status"><strong class="govuk-tag govuk-tag--blue">In progress</strong></div>',
    );
  });

  it('summary list marks rows without actions when others have some', () => {
    const markup = html(
      <SummaryList
        rows={[
          {
            key: 'DCO',
            value: 'Dr A',
            actions: [{ href: '#dco', text: 'Change', visuallyHiddenText: 'DCO' }],
          },
          { key: 'Lead', value: 'B' },
        ]}
      />,
    );
    expect(markup).toContain('govuk-summary-list__row govuk-summary-list__row--no-actions');
    expect(markup).toContain('Change<span class="govuk-visually-hidden"> DCO</span>');
  });

  it('table has column headers and optional row headers', () => {
    const markup = html(
      <Table
        caption="Commitments"
        head={['Reference', 'Title']}
        rows={[['H1', 'Therapy']]}
        firstCellIsHeader
      />,
    );
    expect(markup).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">Commitments</caption>',
    );
    expect(markup).toContain('<th scope="col" class="govuk-table__header">Reference</th>');
    expect(markup).toContain(
      '<th scope="row" class="govuk-table__header">H1</th><td class="govuk-table__cell">Therapy</td>',
    );
  });

  it('numeric cells and headers are right-aligned', () => {
    const markup = html(
      <Table head={['Year', numericCell('Places')]} rows={[['2026', numericCell(12)]]} />,
    );
    expect(markup).toContain(
      '<th scope="col" class="govuk-table__header govuk-table__header--numeric">Places</th>',
    );
    expect(markup).toContain('<td class="govuk-table__cell govuk-table__cell--numeric">12</td>');
  });

  it('a wide table scrolls inside a named, focusable region only when asked', () => {
    const wrapped = html(<Table head={['A']} rows={[['1']]} region="Commitments" />);
    expect(wrapped).toMatch(
      /^<div class="lip-table-region" role="region" aria-label="Commitments" tabindex="0"><table class="govuk-table">/,
    );
    expect(html(<Table head={['A']} rows={[['1']]} />)).toMatch(/^<table class="govuk-table">/);
  });

  it('notification banner is a labelled region, success is an alert', () => {
    expect(html(<NotificationBanner heading="Heads up" />)).toContain(
      'role="region" aria-labelledby="notification-banner-title"',
    );
    expect(html(<NotificationBanner type="success" heading="Saved" />)).toContain(
      'govuk-notification-banner govuk-notification-banner--success" role="alert"',
    );
  });

  it('buttons, links and page furniture use the govuk classes', () => {
    expect(html(<Button variant="secondary">Cancel</Button>)).toBe(
      '<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Cancel</button>',
    );
    expect(html(<BackLink href="/p" />)).toBe('<a href="/p" class="govuk-back-link">Back</a>');
    expect(html(<SkipLink />)).toBe(
      '<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>',
    );
    expect(html(<Breadcrumbs items={[{ text: 'Home', href: '/' }, { text: 'Plan' }]} />)).toContain(
      '<li class="govuk-breadcrumbs__list-item" aria-current="page">Plan</li>',
    );
    expect(html(<PhaseBanner>New service</PhaseBanner>)).toContain(
      'govuk-tag govuk-phase-banner__content__tag',
    );
    const header = html(
      <Header
        serviceName="Local inclusion plan builder"
        navigation={[{ key: 'a', href: '/a', text: 'A', active: true }]}
      />,
    );
    expect(header).toContain('govuk-header__service-name');
    expect(header).toContain('govuk-header__navigation-item--active');
    expect(html(<Footer links={[{ href: '/accessibility', text: 'Accessibility' }]} />)).toContain(
      'class="govuk-footer__link" href="/accessibility"',
    );
  });
});

describe('warning and inset text', () => {
  it('renders the GOV.UK warning text with a hidden prefix for screen readers', () => {
    const out = html(<WarningText>2 readiness checks are not passing yet</WarningText>);
    expect(out).toContain('class="govuk-warning-text"');
    expect(out).toContain('<span class="govuk-warning-text__icon" aria-hidden="true">!</span>');
    expect(out).toContain(
      '<span class="govuk-visually-hidden">Warning</span>2 readiness checks are not passing yet',
    );
  });
  it('renders the GOV.UK inset text', () => {
    expect(html(<InsetText id="x">Note</InsetText>)).toBe(
      '<div class="govuk-inset-text" id="x">Note</div>',
    );
  });
});
