import type { ReactNode } from 'react';
import { Tag } from './Tag.tsx';

export interface HeaderNavigationItem {
  key: string;
  /** A link… */
  href?: string;
  text?: ReactNode;
  active?: boolean;
  /** …or any element (for example a sign-out form). */
  element?: ReactNode;
}

export interface HeaderProps {
  serviceName: string;
  serviceUrl?: string;
  navigation?: HeaderNavigationItem[];
  navigationLabel?: string;
}

/**
 * The GOV.UK header without the GOV.UK logo (this is not a GOV.UK service): the service name
 * and an optional navigation.
 */
export function Header({
  serviceName,
  serviceUrl = '/',
  navigation = [],
  navigationLabel = 'Menu',
}: HeaderProps) {
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__content">
          <a href={serviceUrl} className="govuk-header__link govuk-header__service-name">
            {serviceName}
          </a>
          {navigation.length > 0 && (
            <nav aria-label={navigationLabel} className="govuk-header__navigation">
              <button
                type="button"
                className="govuk-header__menu-button govuk-js-header-toggle"
                aria-controls="navigation"
                hidden
              >
                Menu
              </button>
              <ul id="navigation" className="govuk-header__navigation-list">
                {navigation.map((item) => (
                  <li
                    key={item.key}
                    className={
                      item.active
                        ? 'govuk-header__navigation-item govuk-header__navigation-item--active'
                        : 'govuk-header__navigation-item'
                    }
                  >
                    {item.element ?? (
                      <a
                        className="govuk-header__link"
                        href={item.href}
                        aria-current={item.active ? 'page' : undefined}
                      >
                        {item.text}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </header>
  );
}

export function PhaseBanner({
  phase = 'Alpha',
  children,
}: {
  phase?: string;
  children: ReactNode;
}) {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <Tag className="govuk-phase-banner__content__tag">{phase}</Tag>
        <span className="govuk-phase-banner__text">{children}</span>
      </p>
    </div>
  );
}

export interface FooterLink {
  href: string;
  text: string;
}

export function Footer({ links = [], children }: { links?: FooterLink[]; children?: ReactNode }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {links.length > 0 && (
              <>
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  {links.map((l) => (
                    <li key={l.href} className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={l.href}>
                        {l.text}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {children}
          </div>
        </div>
      </div>
    </footer>
  );
}
