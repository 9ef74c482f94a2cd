// Who may change which settings. Everyone in the partnership reads its directory. The partnership
// lead changes every setting; the section editors of an organisation that owns a plugin's section
// change the settings of the categories that plugin contributes settings fields for (education:
// schools and special schools; AP: alternative provision), as decision 007 ties a plugin's reach to
// the sections it owns. The public reads only what a published plan version froze.
import type { SettingCategory } from '@lip/db';
import type { Membership, RequestContext } from '../context.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { CoreHost } from '../host.ts';

export const SETTING_CATEGORIES: readonly SettingCategory[] = [
  'MAINSTREAM',
  'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
  'SPECIAL',
  'INDEPENDENT_SPECIAL',
  'ALTERNATIVE_PROVISION',
];

export const CATEGORY_WORDS: Record<SettingCategory, string> = {
  MAINSTREAM: 'mainstream',
  MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT:
    'mainstream with resourced provision or SEN unit',
  SPECIAL: 'special',
  INDEPENDENT_SPECIAL: 'independent special',
  ALTERNATIVE_PROVISION: 'alternative provision',
};

/** The categories this member may change (all of them for a lead; none for a viewer). */
export function editableCategories(
  host: CoreHost,
  membership: Membership | undefined,
): Set<SettingCategory> {
  if (!membership) return new Set();
  if (membership.roles.includes('PARTNERSHIP_LEAD')) return new Set(SETTING_CATEGORIES);
  const out = new Set<SettingCategory>();
  if (!membership.roles.includes('SECTION_EDITOR')) return out;
  for (const plugin of host.settingsPlugins) {
    const owns = host.sections.some(
      (s) =>
        s.pluginId === plugin.id &&
        s.ownerOrganisationTypes.includes(membership.organisationTypeCode),
    );
    if (owns) for (const c of plugin.settingsFields.categories) out.add(c);
  }
  return out;
}

/** The membership when the viewer may change some settings of the partnership; else the error. */
export function authorizeSettings(
  host: CoreHost,
  ctx: RequestContext,
  partnershipId: string,
  category?: SettingCategory,
): { membership: Membership; categories: Set<SettingCategory> } {
  const membership = ctx.memberships.get(partnershipId);
  if (!membership) throw new NotFoundError('Partnership');
  const categories = editableCategories(host, membership);
  if (categories.size === 0)
    throw new ForbiddenError(
      'Only the partnership lead, or the editors of the education or alternative provision sections, can change settings',
    );
  if (category && !categories.has(category))
    throw new ForbiddenError(`You cannot change ${CATEGORY_WORDS[category]} settings`);
  return { membership, categories };
}
