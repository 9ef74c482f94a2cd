import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination, pageItems } from '../src/index.ts';

describe('pagination', () => {
  it('shows the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 3)).toEqual([1, 2, 3]);
    expect(pageItems(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pageItems(10, 10)).toEqual([1, 'gap', 9, 10]);
    expect(pageItems(2, 10)).toEqual([1, 2, 3, 'gap', 10]);
  });

  it('links pages with GET addresses, marks the current one and names the landmark', () => {
    const html = renderToStaticMarkup(
      <Pagination
        page={2}
        pageCount={3}
        hrefFor={(p) => `/published?page=${p}`}
        label="Plans pages"
      />,
    );
    expect(html).toContain('<nav class="govuk-pagination" aria-label="Plans pages">');
    expect(html).toContain('href="/published?page=1" rel="prev"');
    expect(html).toContain('href="/published?page=3" rel="next"');
    expect(html).toContain('aria-label="Page 2" aria-current="page"');
    expect(html).not.toContain('aria-label="Page 1" aria-current');
  });

  it('renders nothing for a single page; no previous link on the first, no next on the last', () => {
    expect(renderToStaticMarkup(<Pagination page={1} pageCount={1} hrefFor={String} />)).toBe('');
    const first = renderToStaticMarkup(<Pagination page={1} pageCount={2} hrefFor={String} />);
    expect(first).not.toContain('rel="prev"');
    const last = renderToStaticMarkup(<Pagination page={2} pageCount={2} hrefFor={String} />);
    expect(last).not.toContain('rel="next"');
  });
});
