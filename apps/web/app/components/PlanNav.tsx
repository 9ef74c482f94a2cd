// The plan's own pages, one link each, under the plan's heading. Every page about a plan shows it, so
// people move between the task list, coverage, the dashboard, co-production, versions and activity
// without going back. Each page's route file is owned by the feature it shows.
import { Link } from '@remix-run/react';

export type PlanPage =
  'overview' | 'coverage' | 'dashboard' | 'coproduction' | 'versions' | 'activity';

const PAGES: ReadonlyArray<{ page: PlanPage; text: string; path: string }> = [
  { page: 'overview', text: 'Plan', path: '' },
  { page: 'coverage', text: 'Standards coverage', path: '/coverage' },
  { page: 'dashboard', text: 'Metrics dashboard', path: '/dashboard' },
  { page: 'coproduction', text: 'Co-production', path: '/coproduction' },
  { page: 'versions', text: 'Versions and sign-off', path: '/versions' },
  { page: 'activity', text: 'Activity', path: '/activity' },
];

export function PlanNav({ planId, current }: { planId: string; current: PlanPage }) {
  const base = `/plans/${encodeURIComponent(planId)}`;
  return (
    <nav className="lip-plan-nav govuk-!-margin-bottom-6" aria-label="Plan pages">
      <ul className="lip-plan-nav__list">
        {PAGES.map(({ page, text, path }) => (
          <li key={page} className="lip-plan-nav__item">
            <Link
              className="govuk-link govuk-link--no-visited-state"
              to={`${base}${path}`}
              aria-current={page === current ? 'page' : undefined}
            >
              {text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
