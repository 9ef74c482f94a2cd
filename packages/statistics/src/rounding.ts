/**
 * Rounds `value` to the nearest multiple of `base`, halves away from zero (DfE "round half up":
 * 2.5 → 3, and symmetrically -2.5 → -3, so rounding never depends on the sign).
 *
 * Exact for decimal inputs: 0.125 to base 0.01 is 0.13 although 0.125 / 0.01 is
 * 12.499999999999998 in binary floating point. The quotient is first cut to 12 significant
 * figures, which removes representation error while keeping every real digit of the counts and
 * rates this application handles.
 */
export function roundHalfUp(value: number, base: number): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isFinite(base) || base <= 0)
    throw new RangeError(`Rounding base must be a positive number, not ${base}`);
  const quotient = Number((Math.abs(value) / base).toPrecision(12));
  const multiples = Math.floor(quotient + 0.5);
  const rounded = multiples * base * Math.sign(value);
  // Say 0.13, not 0.13000000000000003: keep only the decimal places the base has.
  const places = decimalPlaces(base);
  const tidy = Number(rounded.toFixed(places));
  return Object.is(tidy, -0) ? 0 : tidy;
}

/** How many decimal places a number is written with (0.01 → 2, 5 → 0, 1e-7 → 7). */
function decimalPlaces(value: number): number {
  const [mantissa = '', exponent] = value.toString().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.min(100, Math.max(0, fraction - Number(exponent ?? 0)));
}
