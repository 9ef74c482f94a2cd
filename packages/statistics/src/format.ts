/** Units whose values are percentages ("percent", "Percentage", "%"). */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^(%|percent|percentage)$/i.test(unit.trim());
}

/** Units whose value is itself a count of people or events (disclosure control looks at the value). */
export function isCountUnit(unit: string): boolean {
  return /^(count|number)$/i.test(unit.trim());
}

/**
 * A number as a person reads it in a sentence: "12.1%", "1,234", "3.5 weeks". With `decimals` (the
 * metric's published decimal places) exactly that many places, so 40 reads "40.0%" like DfE prints it.
 */
export function formatValue(value: number, unit?: string, decimals?: number): string {
  const places =
    decimals === undefined || !Number.isInteger(decimals) || decimals < 0 || decimals > 6
      ? null
      : decimals;
  const number = value.toLocaleString(
    'en-GB',
    places === null
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: places, maximumFractionDigits: places },
  );
  if (isPercentUnit(unit)) return `${number}%`;
  if (unit && /^weeks?$/i.test(unit.trim())) return `${number} ${value === 1 ? 'week' : 'weeks'}`;
  return number;
}
