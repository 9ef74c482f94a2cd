// The standalone HTML page of a plan version, for download: the PublishedPlan component in a
// complete GOV.UK page with the GOV.UK Frontend stylesheet inlined. Server only (reads the CSS).
import type { Publication } from '@lip/core/snapshot';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderToStaticMarkup } from 'react-dom/server';
import { PublishedPlan } from './html.tsx';
import { buildPlanView } from './model.ts';

let govukStylesheet: string | null | undefined;

/** GOV.UK Frontend's compiled CSS, inlined so the download reads offline; null if it cannot be found. */
function readGovukStylesheet(): string | null {
  if (govukStylesheet !== undefined) return govukStylesheet;
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css');
    // Font files are not bundled: fall back to the system font stack GOV.UK Frontend names.
    govukStylesheet = readFileSync(path, 'utf8').replace(/@font-face\{[^}]*\}/g, '');
  } catch {
    govukStylesheet = null;
  }
  return govukStylesheet;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface HtmlDocumentOptions {
  /** Inline GOV.UK Frontend's CSS (default true). */
  inlineStyles?: boolean;
}

/** A complete standalone HTML page of the plan (for download): UTF-8, lang="en", skip link, one main landmark. */
export function renderHtmlDocument(
  publication: Publication,
  options: HtmlDocumentOptions = {},
): string {
  const view = buildPlanView(publication);
  const body = renderToStaticMarkup(<PublishedPlan publication={publication} />);
  const css = options.inlineStyles === false ? null : readGovukStylesheet();
  const title = `${view.title}: version ${view.versionNumber} - ${view.partnershipName}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en" class="govuk-template">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    css ? `<style>${css}</style>` : '',
    '</head>',
    '<body class="govuk-template__body">',
    '<a href="#main-content" class="govuk-skip-link">Skip to main content</a>',
    '<div class="govuk-width-container">',
    '<main class="govuk-main-wrapper" id="main-content">',
    body,
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
