// The top of a plan's own pages (versions, coverage, co-production, activity): breadcrumbs, any
// notices, the plan's title above the page's heading, and the plan's navigation.
import type { ReactNode } from 'react';
import { Breadcrumbs, type BreadcrumbItem } from '@lip/ui';
import { PlanNav, type PlanPage } from '../../components/PlanNav.tsx';
import { planPath } from '../../components/workflow/workflow.ts';

interface PlanCrumbsPlan {
  id: string;
  title: string;
  partnership: { slug: string; name: string };
}

/** Your partnerships › the partnership › the plan › `trail` (its last item is this page). */
export function PlanBreadcrumbs({
  plan,
  trail,
}: {
  plan: PlanCrumbsPlan;
  trail: BreadcrumbItem[];
}) {
  return (
    <Breadcrumbs
      items={[
        { text: 'Your partnerships', href: '/partnerships' },
        { text: plan.partnership.name, href: `/partnerships/${plan.partnership.slug}` },
        { text: plan.title, href: planPath(plan.id) },
        ...trail,
      ]}
    />
  );
}

export function PlanPageHeader({
  plan,
  trail,
  heading,
  current,
  notices,
}: {
  plan: PlanCrumbsPlan;
  trail: BreadcrumbItem[];
  heading: ReactNode;
  current: PlanPage;
  /** Error summary and banners, between the breadcrumbs and the heading. */
  notices?: ReactNode;
}) {
  return (
    <>
      <PlanBreadcrumbs plan={plan} trail={trail} />
      {notices}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      <PlanNav planId={plan.id} current={current} />
    </>
  );
}
