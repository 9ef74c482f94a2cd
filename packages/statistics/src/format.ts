/** Units whose values are percentages ("percent", "Percentage", "%"). */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^(%|percent|percentage)$/i.test(unit.trim());
}

/** Units whose value is itself a count of people or events (disclosure control looks at the value). */
export function isCountUnit(unit: string): boolean {
  return /^(count|number)$/i.test(unit.trim());
}

/** A number as a person reads it in a sentence: "12.1%", "1,234", "3.5 weeks". */
export function formatValue(value: number, unit?: string): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  if (isPercentUnit(unit)) return `${number}%`;
  if (unit && /^weeks?$/i.test(unit.trim())) return `${number} ${value === 1 ? 'week' : 'weeks'}`;
  return number;
}
