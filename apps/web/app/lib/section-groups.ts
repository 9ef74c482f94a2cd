// A section's field groups, as the summary and the change pages use them (decision 023): the
// plugin's own groups, or, for a plugin that renders its whole form itself, one "Section details".
import type { AnySectionUi, SectionGroup } from '@lip/ui';

export const WHOLE_SECTION_GROUP = 'details';

/** The groups of a section's fields, in order. */
export function groupsOf(ui: AnySectionUi): readonly SectionGroup[] {
  if (ui.groups && ui.groups.length > 0) return ui.groups;
  const names = ui.fields.map((f) => f.name).filter((n) => !n.includes('.'));
  return [{ key: WHOLE_SECTION_GROUP, title: 'Section details', fields: names }];
}

/** Whether a form name ("mentalHealth.summary", "jointCommissioning.0.what") is in a group. */
export function inGroup(group: SectionGroup, name: string): boolean {
  return group.fields.some((f) => name === f || name.startsWith(`${f}.`));
}

/** The change page of a group. */
export function changeHref(sectionUrl: string, group: SectionGroup): string {
  return `${sectionUrl}/change/${encodeURIComponent(group.key)}`;
}

/** The change page of the group a field is in, at the field (its input's id), if it is in one. */
export function fieldHref(
  sectionUrl: string,
  ui: AnySectionUi,
  field: string | null | undefined,
): string | null {
  if (!field) return null;
  const group = groupsOf(ui).find((g) => inGroup(g, field));
  if (!group) return null;
  return `${changeHref(sectionUrl, group)}#${field.replace(/\./g, '-')}`;
}
