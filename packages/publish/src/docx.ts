// The board pack: a Word document of one plan version. Built on real heading styles (Title,
// Heading 1–3) so Word's navigation pane and screen readers find the structure, table header rows
// repeated and marked as headers, and a plain contents list beside Word's TOC field so the document
// reads before anyone updates fields.
import type { Publication } from '@lip/core/snapshot';
import {
  AlignmentType,
  Bookmark,
  Document,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { DISCLOSURE_SYMBOLS, FORUM_CONCERNS_HEADING, FORUM_CONCERNS_INTRO } from './labels.ts';
import { buildPlanView, type FigureView, type PlanView, type SectionView } from './model.ts';
import type { MoneyRow } from './funding.ts';
import { FUNDING_ANCHOR } from './funding.ts';

/** Bookmark names: letters, digits and underscores, starting with a letter (Word's rule). */
function bookmarkName(anchor: string): string {
  return `_${anchor}`
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/^_/, 'b_')
    .slice(0, 40);
}

function paragraph(text: string, options: { bold?: boolean; style?: string } = {}): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    style: options.style,
    children: lines.map(
      (line, i) => new TextRun({ text: line, bold: options.bold, break: i > 0 ? 1 : undefined }),
    ),
  });
}

function heading(
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
  anchor?: string,
): Paragraph {
  const run = new TextRun(text.replace(/\n/g, ' '));
  return new Paragraph({
    heading: level,
    children: anchor ? [new Bookmark({ id: bookmarkName(anchor), children: [run] })] : [run],
  });
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header })] })),
  });
}

/** A captioned table whose first row is a repeating header row (w:tblHeader). */
function table(caption: string, head: string[], rows: string[][]): Array<Paragraph | Table> {
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(caption)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: head.map((h) => cell(h, true)),
        }),
        ...rows.map(
          (row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value)) }),
        ),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function figureText(figure: FigureView, period?: string): string {
  return period ? `${figure.text} (${period})` : figure.text;
}

function titlePage(view: PlanView): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(view.title)] }),
    paragraph(view.partnershipName, { bold: true }),
    paragraph(view.kind),
    paragraph(`Period: ${view.period}`),
    paragraph(`Version ${view.versionNumber}: ${view.state}`),
    paragraph(`${view.publishedOn ? 'Published' : 'Frozen'} ${view.date}`),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

interface ContentsEntry {
  text: string;
  anchor: string;
}

function contents(entries: ContentsEntry[]): Array<Paragraph | TableOfContents> {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }),
    // Word fills this from the headings when fields are updated (it offers to on opening).
    new TableOfContents('Table of contents', { hyperlink: true, headingStyleRange: '1-2' }),
    paragraph('Parts of this plan:', { bold: true }),
    ...entries.map(
      (entry) =>
        new Paragraph({
          children: [
            new InternalHyperlink({
              anchor: bookmarkName(entry.anchor),
              children: [new TextRun({ text: entry.text, style: 'Hyperlink' })],
            }),
          ],
        }),
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function section(view: SectionView): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [heading(view.title, HeadingLevel.HEADING_1, view.anchor)];
  if (view.ownerOrganisation) out.push(paragraph(`Lead organisation: ${view.ownerOrganisation}`));
  if (view.summary) out.push(paragraph(view.summary));
  if (view.easyReadSummary) {
    out.push(heading('Easy Read summary', HeadingLevel.HEADING_2), paragraph(view.easyReadSummary));
  }
  for (const field of view.fields) out.push(paragraph(`${field.label}: ${field.value}`));
  if (view.fields.some((f) => f.symbol === 'c'))
    out.push(paragraph(`c: ${DISCLOSURE_SYMBOLS.c}, a count of children too small to publish`));
  out.push(heading('Commitments', HeadingLevel.HEADING_2));
  if (view.commitments.length === 0) {
    out.push(paragraph('This section has no commitments.'));
    return out;
  }
  out.push(
    ...table(
      `Commitments: ${view.title}`,
      ['Reference', 'Commitment', 'Owner', 'Start', 'Due', 'RAG', 'Standards'],
      view.commitments.map((c) => [
        c.reference,
        c.title,
        [c.ownerOrganisation, c.ownerName].filter(Boolean).join('\n'),
        c.startDate,
        c.dueDate,
        c.statusLabel,
        c.standardAreas.map((a) => a.code).join(', '),
      ]),
    ),
  );
  const evidence = view.commitments.flatMap((c) => c.evidence.map((e) => ({ c, e })));
  if (evidence.length) {
    out.push(
      ...table(
        `Evidence: ${view.title}`,
        ['Reference', 'Evidence', 'Link', 'Note', 'Added'],
        evidence.map(({ c, e }) => [c.reference, e.title, e.url, e.note, e.addedOn]),
      ),
    );
  }
  return out;
}

function coverage(view: PlanView): Array<Paragraph | Table> {
  return [
    heading('Coverage of the standards', HeadingLevel.HEADING_1, 'coverage'),
    paragraph(`Which commitments answer each area of ${view.frameworkTitle}, by section.`),
    ...table(
      'Commitments by standard area and section',
      ['Standard area', ...view.sections.map((s) => s.title)],
      view.coverage.map((row) => [
        `${row.area.code} ${row.area.title}`,
        ...(row.notApplicableReason !== null
          ? view.sections.map((_, i) =>
              i === 0 ? `Not applicable: ${row.notApplicableReason}` : '',
            )
          : row.cells.map((refs) => refs.join(', ') || 'None')),
      ]),
    ),
  ];
}

function metrics(view: PlanView): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    heading('Metrics and targets', HeadingLevel.HEADING_1, 'metrics'),
  ];
  if (view.metrics.length === 0) return [...out, paragraph('This plan sets no metric targets.')];
  out.push(
    ...table(
      'Progress against targets',
      ['Metric', 'Baseline', 'Latest', 'Target', 'Status', 'Commentary'],
      view.metrics.map((m) => [
        m.title,
        figureText(m.baseline, m.baseline.periodLabel),
        m.latest ? figureText(m.latest.figure, m.latest.periodLabel) : 'x',
        figureText(m.target, m.target.periodLabel),
        m.rag,
        m.commentary,
      ]),
    ),
    ...table(
      'All published figures',
      ['Metric', 'Period', 'Area', 'Breakdown', 'Value'],
      view.metrics.flatMap((m) =>
        m.observations.map((o) => [
          m.title,
          o.periodLabel,
          o.areaLabel,
          o.filterLabels.length ? o.filterLabels.map(([f, v]) => `${f}: ${v}`).join('; ') : 'Total',
          `${o.figure.text}${o.provisional ? ' (provisional)' : ''}${o.revised ? ' (revised)' : ''}`,
        ]),
      ),
    ),
    heading('Symbols used in place of figures', HeadingLevel.HEADING_2),
    ...Object.entries(DISCLOSURE_SYMBOLS).map(([symbol, meaning]) =>
      paragraph(`${symbol}: ${meaning}`),
    ),
  );
  return out;
}

/** Budget totals by section, block and year, and the tariff in force (issue 16). */
function funding(view: PlanView): Array<Paragraph | Table> {
  const { budget, tariffs } = view.funding;
  const out: Array<Paragraph | Table> = [
    heading('Budget and tariffs', HeadingLevel.HEADING_1, FUNDING_ANCHOR),
    heading('Budget totals', HeadingLevel.HEADING_2),
  ];
  if (!budget) out.push(paragraph('No commitment in this version has a budget line.'));
  else {
    const totals = (caption: string, first: string, rows: MoneyRow[]) =>
      table(
        caption,
        [first, 'Amount'],
        [...rows.map((r) => [r.label, r.text]), ['Total', budget.total.text]],
      );
    out.push(
      paragraph(`Total of the commitments' budget lines: ${budget.total.text}.`),
      ...totals('Budget by section', 'Section', budget.bySection),
      ...totals('Budget by block', 'Block', budget.byBlock),
      ...totals('Budget by financial year', 'Financial year', budget.byYear),
    );
  }
  out.push(heading('Tariffs in force', HeadingLevel.HEADING_2));
  if (!tariffs) return [...out, paragraph('No tariffs were frozen with this version.')];
  out.push(
    paragraph(
      `The annual price of a place in each band, by type of provision, in force on ${tariffs.inForceOn}.`,
    ),
  );
  if (tariffs.provisionTypes.length > 0)
    out.push(
      ...table(
        'Annual price per place by band and type of provision',
        ['Band', ...tariffs.provisionTypes.map((t) => t.label)],
        tariffs.grid.map((row) => [row.band, ...row.prices.map((p) => p || 'None')]),
      ),
    );
  for (const band of tariffs.bands)
    out.push(paragraph(`${band.name}: ${band.descriptionOfNeed || 'No description'}`));
  return out;
}

function coproduction(view: PlanView): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    heading('Co-production: you said, we did', HeadingLevel.HEADING_1, 'coproduction'),
  ];
  if (view.coproduction.length === 0) out.push(paragraph('No co-production activity is recorded.'));
  for (const a of view.coproduction) {
    out.push(
      heading(a.title, HeadingLevel.HEADING_2),
      paragraph(
        [
          `${a.kind}, ${a.heldOn}`,
          a.audiences.length ? `With: ${a.audiences.join(', ')}` : '',
          a.chair ? `Chaired by: ${a.chair}` : '',
          a.reached !== null ? `People reached: ${a.reached}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ),
      paragraph(`What we heard: ${a.heard}`),
    );
    if (a.responses.length) {
      out.push(
        ...table(
          `You said, we did: ${a.title}`,
          ['You said', 'We did', 'Commitments'],
          a.responses.map((r) => [r.youSaid, r.weDid, r.commitmentReferences.join(', ')]),
        ),
      );
    }
  }
  return out;
}

/** The parent carer forum's concerns, in its own words, labelled as such. */
function forumConcerns(view: PlanView): Paragraph[] {
  if (view.forumConcerns.length === 0) return [];
  return [
    heading(FORUM_CONCERNS_HEADING, HeadingLevel.HEADING_1, 'forum-concerns'),
    paragraph(FORUM_CONCERNS_INTRO),
    ...view.forumConcerns.flatMap((c) => [
      heading(c.organisation, HeadingLevel.HEADING_2),
      paragraph(c.concerns, { style: 'Quote' }),
      paragraph(
        `Acknowledged by ${c.signatoryName}, ${c.signatoryRole}, at ${c.forum} on ${c.decidedOn}.`,
      ),
    ]),
  ];
}

function signOff(view: PlanView): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [heading('Sign-off', HeadingLevel.HEADING_1, 'sign-off')];
  if (view.signOffs.length === 0)
    return [...out, paragraph('No sign-off is recorded on this version.')];
  return [
    ...out,
    ...table(
      'Decisions recorded on this version',
      ['Organisation', 'Decision', 'Signed by', 'Forum', 'Date'],
      view.signOffs.map((s) => [
        s.organisation,
        s.conditions ? `${s.decision}: ${s.conditions}` : s.decision,
        `${s.signatoryName}, ${s.signatoryRole}`,
        s.forum,
        s.decidedOn,
      ]),
    ),
  ];
}

/** Builds the document model (exported for tests and the benchmark, which time packing separately). */
export function buildDocx(publication: Publication): Document {
  const view = buildPlanView(publication);
  const entries: ContentsEntry[] = [
    ...view.sections.map((s) => ({ text: s.title, anchor: s.anchor })),
    { text: 'Coverage of the standards', anchor: 'coverage' },
    { text: 'Metrics and targets', anchor: 'metrics' },
    { text: 'Budget and tariffs', anchor: FUNDING_ANCHOR },
    { text: 'Co-production: you said, we did', anchor: 'coproduction' },
    ...(view.forumConcerns.length
      ? [{ text: FORUM_CONCERNS_HEADING, anchor: 'forum-concerns' }]
      : []),
    { text: 'Sign-off', anchor: 'sign-off' },
  ];
  return new Document({
    creator: view.partnershipName,
    title: `${view.title} (version ${view.versionNumber})`,
    description: `${view.kind}, ${view.period}`,
    features: { updateFields: true },
    styles: {
      // en-GB so screen readers and the spelling checker use British English.
      default: { document: { run: { font: 'Arial', size: 24, language: { value: 'en-GB' } } } },
      paragraphStyles: [
        {
          id: 'Caption',
          name: 'Caption',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { bold: true },
          paragraph: { spacing: { before: 120, after: 60 }, alignment: AlignmentType.LEFT },
        },
        {
          // Someone else's words quoted (the parent carer forum's): indented and in italics.
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true },
          paragraph: { indent: { left: 720 }, spacing: { before: 120, after: 120 } },
        },
      ],
    },
    sections: [
      {
        children: [
          ...titlePage(view),
          ...contents(entries),
          ...view.sections.flatMap(section),
          ...coverage(view),
          ...metrics(view),
          ...funding(view),
          ...coproduction(view),
          ...forumConcerns(view),
          ...signOff(view),
        ],
      },
    ],
  });
}

/** The board pack as a .docx file. */
export async function renderDocx(publication: Publication): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(publication));
}
