// The published plan as HTML: a server-renderable React component (the web app renders it inside
// its layout at /published/:slug/:plan[/:n]). Safe for a browser bundle: no Node modules here (the
// standalone download page is in document.tsx). GOV.UK Frontend classes only; headings run
// h1 → h2 per part → h3 per commitment so the outline is navigable.
import type { Publication } from '@lip/core/snapshot';
import { InsetText, SummaryList, Table, Tag, type TagColour } from '@lip/ui';
import { FundingPart } from './funding-html.tsx';
import { FUNDING_ANCHOR } from './funding.ts';
import type { ReactNode } from 'react';
import { DISCLOSURE_SYMBOLS, FORUM_CONCERNS_HEADING, FORUM_CONCERNS_INTRO } from './labels.ts';
import {
  anchorFor,
  buildPlanView,
  type CommitmentView,
  type FigureView,
  type PlanView,
  type SectionView,
} from './model.ts';

export interface PublicationDownload {
  /** "Board pack (Word document)". */
  label: string;
  href: string;
  /** "DOCX", "CSV", "JSON", "HTML". */
  format: string;
  /** "48 KB", shown when given. */
  size?: string;
}

export interface PublishedPlanProps {
  publication: Publication;
  downloads?: PublicationDownload[];
}

/** Fixed anchors of the parts after the sections. */
export const PART_ANCHORS = {
  coverage: 'coverage',
  metrics: 'metrics',
  coproduction: 'coproduction',
  forumConcerns: 'forum-concerns',
  signOff: 'sign-off',
} as const;

const RAG_COLOURS: Record<string, TagColour> = {
  GREEN: 'green',
  AMBER: 'yellow',
  RED: 'red',
  COMPLETE: 'blue',
  NOT_STARTED: 'grey',
  NO_DATA: 'grey',
  NO_TARGET: 'grey',
};

function Rag({ code, label }: { code: string; label: string }) {
  return <Tag colour={RAG_COLOURS[code] ?? 'grey'}>{label}</Tag>;
}

/** A figure, with the symbol's meaning in an <abbr> so it is explained where it appears. */
function Figure({ figure }: { figure: FigureView }) {
  if (figure.symbol === null) return <>{figure.text}</>;
  const symbol = (
    <abbr title={DISCLOSURE_SYMBOLS[figure.symbol]} data-symbol={figure.symbol}>
      {figure.symbol}
    </abbr>
  );
  if (figure.value === null) return symbol;
  return (
    <>
      {figure.text.replace(` [${figure.symbol}]`, '')} [{symbol}]
    </>
  );
}

/** Web addresses in free text, so they become links; trailing punctuation stays outside. */
const WEB_ADDRESS = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'])/g;

/** A line of text with its web addresses as links a reader can follow. */
function Linked({ text }: { text: string }) {
  const parts = text.split(WEB_ADDRESS);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} className="govuk-link" href={part} rel="noopener">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Lines joined by breaks, addresses linked: a value as its writer laid it out. */
function Lines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, j) => (
        <span key={j}>
          {j > 0 && <br />}
          <Linked text={line} />
        </span>
      ))}
    </>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} className="govuk-body">
            <Lines text={p} />
          </p>
        ))}
    </>
  );
}

/** A field's value: one line stays inline; several (a group's parts, a list's rows) keep their shape. */
function FieldValue({ value }: { value: string }) {
  if (!value.includes('\n')) return <Linked text={value} />;
  const rows = value.split(/\n{2,}/).filter((r) => r.trim() !== '');
  if (rows.length === 1) return <Lines text={rows[0]!} />;
  return (
    <ul className="govuk-list govuk-list--bullet">
      {rows.map((row, i) => (
        <li key={i}>
          <Lines text={row} />
        </li>
      ))}
    </ul>
  );
}

/** After each part of a long page: the way back to its contents. */
function BackToContents() {
  return (
    <p className="govuk-body-s govuk-!-margin-top-4 govuk-!-margin-bottom-8">
      <a className="govuk-link" href="#contents">
        Back to contents
      </a>
    </p>
  );
}

function Commitment({ commitment }: { commitment: CommitmentView }) {
  const rows: Array<{ key: ReactNode; value: ReactNode }> = [
    { key: 'Reference', value: commitment.reference },
    { key: 'Owner organisation', value: commitment.ownerOrganisation || 'Not assigned' },
  ];
  if (commitment.ownerName) rows.push({ key: 'Owner', value: commitment.ownerName });
  rows.push(
    { key: 'Start', value: commitment.startDate || 'Not set' },
    { key: 'Due', value: commitment.dueDate || 'Not set' },
    { key: 'Status', value: <Rag code={commitment.ragCode} label={commitment.statusLabel} /> },
    {
      key: 'Standard areas',
      value: commitment.standardAreas.length
        ? commitment.standardAreas.map((a) => `${a.code} ${a.title}`).join('; ')
        : 'None',
    },
    { key: 'Phase', value: commitment.phase },
  );
  if (commitment.supportLayer) rows.push({ key: 'Support layer', value: commitment.supportLayer });
  if (commitment.needAreas.length)
    rows.push({ key: 'Need areas', value: commitment.needAreas.join(', ') });
  if (commitment.budget)
    rows.push({ key: 'Budget', value: `${commitment.budget} ${commitment.budgetLine}`.trim() });
  if (commitment.budgetLines.length)
    rows.push({ key: 'Budget lines', value: <Lines text={commitment.budgetLines.join('\n')} /> });
  for (const field of commitment.fields)
    rows.push({ key: field.label, value: <FieldValue value={field.value} /> });
  if (commitment.milestones.length) {
    rows.push({
      key: 'Milestones',
      value: (
        <ul className="govuk-list govuk-list--bullet">
          {commitment.milestones.map((m, i) => (
            <li key={i}>
              {m.title}, due {m.dueDate}
              {m.completedOn && `, completed ${m.completedOn}`}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (commitment.evidence.length) {
    rows.push({
      key: 'Evidence',
      value: (
        <ul className="govuk-list">
          {commitment.evidence.map((e, i) => (
            <li key={i}>
              {e.url ? (
                <a className="govuk-link" href={e.url} rel="noopener noreferrer">
                  {e.title}
                </a>
              ) : (
                <span className="govuk-!-font-weight-bold">{e.title}</span>
              )}
              {e.note && (
                <>
                  <br />
                  <Lines text={e.note} />
                </>
              )}
              <br />
              <span className="govuk-body-s govuk-!-margin-bottom-0">Added {e.addedOn}</span>
            </li>
          ))}
        </ul>
      ),
    });
  }
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={commitment.anchor}>
          {commitment.reference}: {commitment.title}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        {/* What most readers want at a glance; the rest folded, so a section reads as a list. */}
        <p className="govuk-body">
          <Rag code={commitment.ragCode} label={commitment.statusLabel} />{' '}
          {commitment.dueDate ? `Due ${commitment.dueDate}` : 'No due date set'}
        </p>
        <Paragraphs text={commitment.description} />
        <details className="govuk-details govuk-!-margin-bottom-0">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">More about {commitment.reference}</span>
          </summary>
          <div className="govuk-details__text">
            <SummaryList rows={rows} />
          </div>
        </details>
      </div>
    </div>
  );
}

function Section({ section }: { section: SectionView }) {
  return (
    <section aria-labelledby={section.anchor}>
      <h2 className="govuk-heading-l" id={section.anchor}>
        {section.title}
      </h2>
      {section.ownerOrganisation && (
        <p className="govuk-body">
          <strong>Lead organisation:</strong> {section.ownerOrganisation}
        </p>
      )}
      {/* Easy Read first, where written: it is the way in for many parents and young people. */}
      {section.easyReadSummary ? (
        <InsetText>
          <p className="govuk-body govuk-!-font-weight-bold">Easy Read summary</p>
          <Paragraphs text={section.easyReadSummary} />
        </InsetText>
      ) : (
        <InsetText>
          <p className="govuk-body">
            There is no Easy Read summary of this section yet. Ask the partnership if you need one.
          </p>
        </InsetText>
      )}
      {section.summary && <Paragraphs text={section.summary} />}
      {section.fields.length > 0 && (
        <SummaryList
          rows={section.fields.map((f) => ({
            key: f.label,
            value: <FieldValue value={f.value} />,
          }))}
        />
      )}
      {section.fields.some((f) => f.symbol === 'c') && (
        <p className="govuk-body-s">
          <abbr title={DISCLOSURE_SYMBOLS.c} data-symbol="c">
            c
          </abbr>{' '}
          means {DISCLOSURE_SYMBOLS.c}: a count of children too small to publish, or one that would
          let it be worked out.
        </p>
      )}
      {section.commitments.length === 0 ? (
        <p className="govuk-body">This section has no commitments.</p>
      ) : (
        section.commitments.map((c) => <Commitment key={c.id} commitment={c} />)
      )}
      <BackToContents />
    </section>
  );
}

function Coverage({ view }: { view: PlanView }) {
  return (
    <section aria-labelledby={PART_ANCHORS.coverage}>
      <h2 className="govuk-heading-l" id={PART_ANCHORS.coverage}>
        Coverage of the standards
      </h2>
      <p className="govuk-body">
        Which commitments answer each area of {view.frameworkTitle}, by section. References link to
        the commitment.
      </p>
      <Table
        caption="Commitments by standard area and section"
        region="Commitments by standard area and section"
        head={['Standard area', ...view.sections.map((s) => s.title)]}
        firstCellIsHeader
        rowKeys={view.coverage.map((r) => r.area.code)}
        rows={view.coverage.map((row) => [
          `${row.area.code} ${row.area.title}`,
          ...(row.notApplicableReason !== null
            ? [
                `Not applicable: ${row.notApplicableReason}`,
                ...view.sections.slice(1).map(() => ''),
              ]
            : row.cells.map((refs) =>
                refs.length === 0 ? (
                  'None'
                ) : (
                  <>
                    {refs.map((ref, i) => (
                      <span key={ref}>
                        {i > 0 && ', '}
                        <a className="govuk-link" href={`#${anchorFor('commitment', ref)}`}>
                          {ref}
                        </a>
                      </span>
                    ))}
                  </>
                ),
              )),
        ])}
      />
      <BackToContents />
    </section>
  );
}

function Metrics({ view }: { view: PlanView }) {
  return (
    <section aria-labelledby={PART_ANCHORS.metrics}>
      <h2 className="govuk-heading-l" id={PART_ANCHORS.metrics}>
        Metrics and targets
      </h2>
      {view.metrics.length === 0 ? (
        <p className="govuk-body">This plan sets no metric targets.</p>
      ) : (
        <>
          <Table
            caption="Progress against targets"
            region="Progress against targets"
            head={['Metric', 'Baseline', 'Latest', 'Target', 'Status']}
            firstCellIsHeader
            rowKeys={view.metrics.map((m) => m.metricId)}
            rows={view.metrics.map((m) => [
              m.title,
              <>
                <Figure figure={m.baseline} />
                {m.baseline.periodLabel && ` (${m.baseline.periodLabel})`}
              </>,
              m.latest ? (
                <>
                  <Figure figure={m.latest.figure} /> ({m.latest.periodLabel})
                </>
              ) : (
                <abbr title={DISCLOSURE_SYMBOLS.x} data-symbol="x">
                  x
                </abbr>
              ),
              <>
                <Figure figure={m.target} /> ({m.target.periodLabel})
              </>,
              <Rag code={m.ragCode} label={m.rag} />,
            ])}
          />
          {view.metrics.some((m) => m.commentary) && (
            <>
              <p className="govuk-body govuk-!-font-weight-bold">Commentary</p>
              <ul className="govuk-list govuk-list--bullet">
                {view.metrics
                  .filter((m) => m.commentary)
                  .map((m) => (
                    <li key={m.metricId}>
                      {m.title}: {m.commentary}
                    </li>
                  ))}
              </ul>
            </>
          )}
          {/* Every figure behind the ratings, for those who want them: folded, as most readers do not. */}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Show all {view.metrics.reduce((n, m) => n + m.observations.length, 0)} published
                figures
              </span>
            </summary>
            <div className="govuk-details__text">
              <Table
                caption="All published figures"
                region="All published figures"
                captionSize="s"
                head={[
                  'Metric',
                  'Period',
                  'Area',
                  'Breakdown',
                  { content: 'Value', numeric: true },
                ]}
                rows={view.metrics.flatMap((m) =>
                  m.observations.map((o) => [
                    m.title,
                    o.periodLabel,
                    o.areaLabel,
                    o.filterLabels.length
                      ? o.filterLabels.map(([f, v]) => `${f}: ${v}`).join('; ')
                      : 'Total',
                    {
                      content: (
                        <>
                          <Figure figure={o.figure} />
                          {o.provisional && ' (provisional)'}
                          {o.revised && ' (revised)'}
                        </>
                      ),
                      numeric: true,
                    },
                  ]),
                )}
              />
            </div>
          </details>
          <p className="govuk-body govuk-!-font-weight-bold" id="symbols">
            Symbols used in place of figures
          </p>
          <dl className="govuk-summary-list" aria-labelledby="symbols">
            {(Object.keys(DISCLOSURE_SYMBOLS) as Array<keyof typeof DISCLOSURE_SYMBOLS>).map(
              (symbol) => (
                <div className="govuk-summary-list__row" key={symbol}>
                  <dt className="govuk-summary-list__key">{symbol}</dt>
                  <dd className="govuk-summary-list__value">{DISCLOSURE_SYMBOLS[symbol]}</dd>
                </div>
              ),
            )}
          </dl>
        </>
      )}
      <BackToContents />
    </section>
  );
}

function Coproduction({ view }: { view: PlanView }) {
  return (
    <section aria-labelledby={PART_ANCHORS.coproduction}>
      <h2 className="govuk-heading-l" id={PART_ANCHORS.coproduction}>
        Co-production: you said, we did
      </h2>
      {view.coproduction.length === 0 && (
        <p className="govuk-body">No co-production activity is recorded.</p>
      )}
      {view.coproduction.map((a) => (
        <div key={a.id}>
          <h3 className="govuk-heading-m">{a.title}</h3>
          <SummaryList
            rows={[
              { key: 'Type', value: a.kind },
              { key: 'Held on', value: a.heldOn },
              { key: 'With', value: a.audiences.join(', ') || 'Not recorded' },
              ...(a.chair ? [{ key: 'Chaired by', value: a.chair }] : []),
              ...(a.reached !== null ? [{ key: 'People reached', value: String(a.reached) }] : []),
              { key: 'What we heard', value: <Paragraphs text={a.heard} /> },
            ]}
          />
          {a.responses.length > 0 && (
            <Table
              caption={`You said, we did: ${a.title}`}
              region={`You said, we did: ${a.title}`}
              captionSize="s"
              head={['You said', 'We did', 'Commitments']}
              rows={a.responses.map((r) => [
                r.youSaid,
                r.weDid,
                r.commitmentReferences.join(', ') || 'None',
              ])}
            />
          )}
        </div>
      ))}
      <BackToContents />
    </section>
  );
}

/** The parent carer forum's concerns, in its own words, labelled as such. */
function ForumConcerns({ view }: { view: PlanView }) {
  return (
    <section aria-labelledby={PART_ANCHORS.forumConcerns}>
      <h2 className="govuk-heading-l" id={PART_ANCHORS.forumConcerns}>
        {FORUM_CONCERNS_HEADING}
      </h2>
      <p className="govuk-body">{FORUM_CONCERNS_INTRO}</p>
      {view.forumConcerns.map((c, i) => (
        <figure key={i} className="govuk-!-margin-0 govuk-!-margin-bottom-6">
          <figcaption className="govuk-heading-m">{c.organisation}</figcaption>
          <blockquote className="govuk-inset-text govuk-!-margin-top-0">
            <Paragraphs text={c.concerns} />
          </blockquote>
          <p className="govuk-body-s">
            Acknowledged by {c.signatoryName}, {c.signatoryRole}, at {c.forum} on {c.decidedOn}.
          </p>
        </figure>
      ))}
      <BackToContents />
    </section>
  );
}

function SignOff({ view }: { view: PlanView }) {
  return (
    <section aria-labelledby={PART_ANCHORS.signOff}>
      <h2 className="govuk-heading-l" id={PART_ANCHORS.signOff}>
        Sign-off
      </h2>
      {view.signOffs.length === 0 ? (
        <p className="govuk-body">No sign-off is recorded on this version.</p>
      ) : (
        <Table
          caption="Decisions recorded on this version"
          region="Decisions recorded on this version"
          head={['Organisation', 'Decision', 'Signed by', 'Forum', 'Date']}
          firstCellIsHeader
          rows={view.signOffs.map((s) => [
            s.organisation,
            s.conditions ? `${s.decision}: ${s.conditions}` : s.decision,
            `${s.signatoryName}, ${s.signatoryRole}`,
            s.forum,
            s.decidedOn,
          ])}
        />
      )}
      <BackToContents />
    </section>
  );
}

/** The whole published plan. Renders from a Publication alone; nothing is fetched. */
export function PublishedPlan({ publication, downloads = [] }: PublishedPlanProps) {
  const view = buildPlanView(publication);
  const contents = [
    ...view.sections.map((s) => ({ href: `#${s.anchor}`, text: s.title })),
    { href: `#${PART_ANCHORS.coverage}`, text: 'Coverage of the standards' },
    { href: `#${PART_ANCHORS.metrics}`, text: 'Metrics and targets' },
    { href: `#${FUNDING_ANCHOR}`, text: 'Budget and tariffs' },
    { href: `#${PART_ANCHORS.coproduction}`, text: 'Co-production: you said, we did' },
    ...(view.forumConcerns.length
      ? [{ href: `#${PART_ANCHORS.forumConcerns}`, text: FORUM_CONCERNS_HEADING }]
      : []),
    { href: `#${PART_ANCHORS.signOff}`, text: 'Sign-off' },
  ];
  return (
    <article className="lip-published-plan">
      <span className="govuk-caption-l">{view.partnershipName}</span>
      <h1 className="govuk-heading-xl">{view.title}</h1>
      <SummaryList
        rows={[
          { key: 'Plan', value: view.kind },
          { key: 'Period', value: view.period },
          { key: 'Version', value: String(view.versionNumber) },
          { key: 'State', value: view.state },
          { key: view.publishedOn ? 'Published' : 'Frozen', value: view.date },
        ]}
      />
      {view.stateCode === 'SUPERSEDED' && (
        <div className="govuk-inset-text">A newer version of this plan has been published.</div>
      )}
      {downloads.length > 0 && (
        <>
          <p className="govuk-body govuk-!-font-weight-bold">Download this plan</p>
          <ul className="govuk-list">
            {downloads.map((d) => (
              <li key={d.href}>
                <a className="govuk-link" href={d.href} download>
                  {d.label}
                </a>{' '}
                ({d.format}
                {d.size && `, ${d.size}`})
              </li>
            ))}
          </ul>
        </>
      )}
      <nav aria-labelledby="contents">
        <h2 className="govuk-heading-m" id="contents">
          Contents
        </h2>
        <ol className="govuk-list govuk-list--number">
          {contents.map((c) => (
            <li key={c.href}>
              <a className="govuk-link" href={c.href}>
                {c.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {view.sections.map((s) => (
        <Section key={s.key} section={s} />
      ))}
      <Coverage view={view} />
      <Metrics view={view} />
      <FundingPart funding={view.funding} />
      <Coproduction view={view} />
      {view.forumConcerns.length > 0 && <ForumConcerns view={view} />}
      <SignOff view={view} />
      <p className="govuk-body-s">
        Version {view.versionNumber} ({view.state.toLowerCase()}),{' '}
        {view.publishedOn ? 'published' : 'frozen'} {view.date}.
        {view.publicPath && ` Permanent address: ${view.publicPath}`}
      </p>
    </article>
  );
}
