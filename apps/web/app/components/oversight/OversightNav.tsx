// The oversight pages' own navigation.
export function OversightNav({ current }: { current: 'partnerships' | 'heat-map' | 'metric' }) {
  const links = [
    { key: 'partnerships', href: '/oversight', text: 'Partnerships' },
    { key: 'heat-map', href: '/oversight/heat-map', text: 'Standards heat map' },
  ] as const;
  return (
    <nav aria-label="Oversight" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list lip-inline-list">
        {links.map((link) => (
          <li key={link.key}>
            <a
              className="govuk-link"
              href={link.href}
              aria-current={current === link.key ? 'page' : undefined}
            >
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
