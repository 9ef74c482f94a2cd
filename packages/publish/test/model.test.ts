import type { Publication } from '@lip/core/snapshot';
import JSZip from 'jszip';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import {
  PublishedPlan,
  buildPlanView,
  parseBreakdown,
  renderCsv,
  renderDocx,
  renderJson,
} from '../src/index.ts';
import { parseCsvRecords } from './csv-parse.ts';
import { fixturePublication } from './fixtures.ts';

describe('buildPlanView', () => {
  const publication = fixturePublication();
  const view = buildPlanView(publication);

  it('reads a commitment in progress but not rated as such, not as not started (the page and board pack)', () => {
    const p = fixturePublication();
    const [first, second, third] = p.snapshot.commitments;
    Object.assign(first!, { ragStatus: 'NOT_STARTED', progress: 'IN_PROGRESS', rating: null });
    Object.assign(second!, { ragStatus: 'NOT_STARTED', progress: 'NOT_STARTED', rating: null });
    Object.assign(third!, { ragStatus: 'AMBER', progress: 'IN_PROGRESS', rating: 'AMBER' });
    const all = buildPlanView(p).sections.flatMap((s) => s.commitments);
    const of = (id: string) => all.find((c) => c.id === id)!;
    expect(of(first!.id)).toMatchObject({
      statusLabel: 'In progress, not rated',
      rag: 'Not started',
    });
    expect(of(second!.id).statusLabel).toBe('Not started');
    expect(of(third!.id).statusLabel).toBe('Amber');
    const html = renderToStaticMarkup(createElement(PublishedPlan, { publication: p }));
    expect(html).toContain('In progress, not rated');
  });

  it('orders sections by position and puts each commitment under its own section', () => {
    const shuffled = fixturePublication();
    shuffled.snapshot.sections.reverse();
    expect(buildPlanView(shuffled).sections.map((s) => s.key)).toEqual([
      'education',
      'health',
      'care',
      'alternative-provision',
    ]);
    for (const section of view.sections) {
      expect(section.commitments).toHaveLength(10);
      expect(
        section.commitments.every(
          (c) =>
            publication.snapshot.commitments.find((s) => s.id === c.id)?.sectionKey === section.key,
        ),
      ).toBe(true);
    }
  });

  it('splits coverage by section so every reference lands in its own section’s column', () => {
    for (const [r, row] of view.coverage.entries()) {
      const all = row.cells.flat().sort();
      expect(all).toEqual([...publication.snapshot.coverage[r]!.commitmentReferences].sort());
      row.cells.forEach((refs, s) =>
        expect(
          refs.every((ref) =>
            ref.startsWith(view.sections[s]!.commitments[0]!.reference.slice(0, 2)),
          ),
        ).toBe(true),
      );
    }
  });

  it('takes the latest own total (not a comparator, not a breakdown) as the latest figure', () => {
    const ehc = view.metrics.find((m) => m.metricId === 'EHC-01')!;
    expect(ehc.latest).toMatchObject({ period: '2025', geographyCode: 'E10000099', breakdown: '' });
    expect(ehc.latest?.figure.text).toBe('47.9%');
    expect(view.metrics.find((m) => m.metricId === 'HE-02')!.latest?.figure).toEqual({
      text: 'x',
      symbol: 'x',
      value: null,
    });
  });

  it('shows the figure the status was measured against when the snapshot names it', () => {
    // A health metric rated on its ICB figure, with a newer local authority figure beside it.
    const rated = fixturePublication();
    const he = rated.snapshot.metrics.find((m) => m.metricId === 'HE-02')!;
    he.rag = 'GREEN';
    he.latest = { geographyLevel: 'ICB', geographyCode: 'E54000099', period: '2026-07' };
    he.observations.push(
      { ...he.observations[0]!, period: '2026-07', value: '42', symbol: null },
      {
        ...he.observations[0]!,
        geographyLevel: 'LOCAL_AUTHORITY',
        geographyCode: 'E10000099',
        period: '2026-09',
        value: '70',
        symbol: null,
      },
    );
    const metric = buildPlanView(rated).metrics.find((m) => m.metricId === 'HE-02')!;
    expect(metric).toMatchObject({ ragCode: 'GREEN', latest: { period: '2026-07' } });
    expect(metric.latest?.figure.text).toBe('42');
    he.latest = null;
    expect(buildPlanView(rated).metrics.find((m) => m.metricId === 'HE-02')!.latest).toBeNull();
  });

  it('shows DfE period codes as people read them, keeping the code for the open data', () => {
    const ap = view.metrics.find((m) => m.metricId === 'AP-03')!;
    expect(ap.baseline).toMatchObject({ period: '202324', periodLabel: '2023/24' });
    expect(ap.latest).toMatchObject({ period: '202425', periodLabel: '2024/25' });
    const he = view.metrics.find((m) => m.metricId === 'HE-02')!;
    expect(he.target.periodLabel).toBe('March 2027');
    expect(he.observations[0]!.periodLabel).toBe('August 2026');
  });

  it('lists the symbols used, in catalogue order', () => {
    expect(view.symbolsUsed.map((s) => s.symbol)).toEqual(['x', 'c', 'low']);
  });

  it('resolves names and words, never printing ids', () => {
    expect(view.sections[0]!.ownerOrganisation).toBe('Northshire County Council');
    expect(view.kind).toBe('Local SEND reform plan');
    expect(view.period).toBe('1 April 2026 to 31 March 2029');
    expect(view.sections[0]!.commitments[0]!.budget).toBe('£12,500.00');
    expect(view.sections[0]!.fields.map((f) => f.label)).toEqual([
      'Local priority',
      'Pupil movements',
    ]);
  });

  it('reads breakdowns with one or several filters', () => {
    expect(parseBreakdown('')).toEqual([]);
    expect(parseBreakdown('sen_status:EHC plan')).toEqual([['sen_status', 'EHC plan']]);
    expect(parseBreakdown('a:x;b:y: z')).toEqual([
      ['a', 'x'],
      ['b', 'y: z'],
    ]);
  });
});

describe('a version with nothing optional (draft, no metrics, co-production or sign-off)', () => {
  const bare: Publication = (() => {
    const p = fixturePublication();
    p.snapshot.metrics = [];
    p.snapshot.coproduction = [];
    p.snapshot.sections = p.snapshot.sections.slice(0, 1);
    p.snapshot.commitments = [];
    p.snapshot.coverage = p.snapshot.coverage.map((row, i) => ({
      ...row,
      commitmentReferences: [],
      notApplicableReason: i === 0 ? 'No early years settings' : null,
    }));
    p.version = {
      ...p.version,
      state: 'PARTNER_REVIEW',
      publishedAt: null,
      publicPath: null,
      signOffs: [],
    };
    return p;
  })();

  it('renders in every format, saying what is absent', async () => {
    const html = renderToStaticMarkup(createElement(PublishedPlan, { publication: bare }));
    expect(html).toContain('This section has no commitments.');
    expect(html).toContain('This plan sets no metric targets.');
    expect(html).toContain('No sign-off is recorded on this version.');
    expect(html).toContain('Not applicable: No early years settings');
    expect(html).toContain('Frozen');

    const zip = await JSZip.loadAsync(await renderDocx(bare));
    expect(await zip.file('word/document.xml')!.async('string')).toContain(
      'No co-production activity is recorded.',
    );

    const { files } = renderCsv(bare);
    expect(parseCsvRecords(files.find((f) => f.name === 'commitments.csv')!.content)).toEqual([]);
    expect(parseCsvRecords(files.find((f) => f.name === 'metrics.csv')!.content)).toEqual([]);
    expect(JSON.parse(renderJson(bare))).toEqual(bare);
  });
});
