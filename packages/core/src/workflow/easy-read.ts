// A section's Easy Read summary, shown on the published plan. Written by whoever may write the
// section (section:update), with the same optimistic concurrency as the section's own fields.
import { authorize, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { SectionView } from '../schema/section-view.ts';
import { visiblePlanSection } from '../services/plans.ts';
import { sectionOwnership } from '../services/section-owner.ts';
import { writeSectionVersioned } from '../services/section-write.ts';

/** Easy Read is short by design: a few sentences per section. */
export const MAX_EASY_READ_LENGTH = 5000;

export interface UpdateEasyReadArgs {
  planId: string;
  sectionKey: string;
  /** The section version the client edited (0 if the section was never written). */
  version: number;
  /** Blank clears it. */
  easyReadSummary?: string | null;
}

export async function updateSectionEasyRead(
  host: CoreHost,
  ctx: RequestContext,
  args: UpdateEasyReadArgs,
): Promise<SectionView> {
  const { plan, definition } = await visiblePlanSection(host, ctx, args.planId, args.sectionKey);
  const membership = authorize(ctx, 'section:update', {
    ...planFacts(plan),
    section: await sectionOwnership(host, plan, definition),
  });
  const summary = args.easyReadSummary?.trim() || null;
  if (summary !== null && summary.length > MAX_EASY_READ_LENGTH) {
    throw ValidationError.field(
      'easyReadSummary',
      `Easy Read summary must be ${MAX_EASY_READ_LENGTH} characters or fewer`,
    );
  }
  return writeSectionVersioned(host, ctx, {
    plan,
    definition,
    membership,
    version: args.version,
    change: (before) => ({
      fields: { easyReadSummary: summary },
      action: 'section.easy_read_updated',
      before: { easyReadSummary: before?.easyReadSummary },
      after: { easyReadSummary: summary },
    }),
  });
}
