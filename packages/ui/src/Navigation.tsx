import type { ReactNode } from 'react';

export function BackLink({ href, children = 'Back' }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="govuk-back-link">
      {children}
    </a>
  );
}

export interface BreadcrumbItem {
  text: string;
  href?: string;
}

export function Breadcrumbs({ items }: { items: BreadcrumbItem[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li
            key={`${item.text}:${item.href ?? ''}`}
            className="govuk-breadcrumbs__list-item"
            aria-current={item.href ? undefined : 'page'}
          >
            {item.href ? (
              <a className="govuk-breadcrumbs__link" href={item.href}>
                {item.text}
              </a>
            ) : (
              item.text
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function SkipLink({
  href = '#main-content',
  children = 'Skip to main content',
}: {
  href?: string;
  children?: ReactNode;
}) {
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link">
      {children}
    </a>
  );
}
