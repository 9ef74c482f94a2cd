// What must be true before the alternative provision section counts as complete. Pure functions
// over the section's stored values, each returning true or a message a person can act on.
import { listPhrase } from '@lip/plugin-sdk/fields';
import { AP_OUTCOMES, AP_TIERS } from './fields.ts';

type Values = Readonly<Record<string, unknown>>;

const filled = (value: unknown): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '');

const group = (fields: Values, key: string): Values => {
  const value = fields[key];
  return value && typeof value === 'object' ? (value as Values) : {};
};

/** Every tier says what is offered and by whom. */
export function tiersDescribed(fields: Values): true | string {
  const missing = AP_TIERS.filter((t) => {
    const g = group(fields, t.key);
    return !filled(g.offer) || !filled(g.providers);
  }).map((t) => `tier ${t.tier}`);
  if (missing.length === 0) return true;
  return `Say what is offered and by whom at ${listPhrase(missing)}`;
}

/** Each of the five outcomes has a measure and a target. */
export function outcomesMeasured(fields: Values): true | string {
  const problems = AP_OUTCOMES.flatMap((o) => {
    const g = group(fields, o.key);
    const lacks = [!filled(g.measure) && 'a measure', !filled(g.target) && 'a target'].filter(
      Boolean,
    ) as string[];
    return lacks.length
      ? [
          `${lacks.join(' and ')} for ${o.code} (${o.title.charAt(0).toLowerCase()}${o.title.slice(1)})`,
        ]
      : [];
  });
  if (problems.length === 0) return true;
  return `Add ${listPhrase(problems)}`;
}

/** The field to change first for `tiersDescribed`: the first tier lacking either. */
export function tierToDescribe(fields: Values): string | null {
  for (const t of AP_TIERS) {
    const g = group(fields, t.key);
    if (!filled(g.offer)) return `${t.key}.offer`;
    if (!filled(g.providers)) return `${t.key}.providers`;
  }
  return null;
}

/** The field to change first for `outcomesMeasured`: the first outcome lacking either. */
export function outcomeToMeasure(fields: Values): string | null {
  for (const o of AP_OUTCOMES) {
    const g = group(fields, o.key);
    if (!filled(g.measure)) return `${o.key}.measure`;
    if (!filled(g.target)) return `${o.key}.target`;
  }
  return null;
}

/** The AP budget is stated. */
export function budgetStated(fields: Values): true | string {
  return filled(group(fields, 'budget').amount)
    ? true
    : 'State the alternative provision budget for the year';
}
