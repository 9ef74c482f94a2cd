import { describe, expect, it } from 'vitest';
import { roundHalfUp } from '../src/index.ts';

describe('roundHalfUp', () => {
  it('rounds halves up, away from zero', () => {
    expect(roundHalfUp(2.5, 1)).toBe(3);
    expect(roundHalfUp(3.5, 1)).toBe(4);
    expect(roundHalfUp(2.4999, 1)).toBe(2);
    expect(roundHalfUp(-2.5, 1)).toBe(-3);
    expect(roundHalfUp(-2.4, 1)).toBe(-2);
  });

  it('rounds to multiples of the base', () => {
    expect(roundHalfUp(12, 5)).toBe(10);
    expect(roundHalfUp(12.5, 5)).toBe(15);
    expect(roundHalfUp(17, 5)).toBe(15);
    expect(roundHalfUp(17.5, 5)).toBe(20);
    expect(roundHalfUp(1234, 10)).toBe(1230);
    expect(roundHalfUp(0, 5)).toBe(0);
  });

  it('is exact with decimals despite binary floating point', () => {
    expect(roundHalfUp(0.125, 0.01)).toBe(0.13);
    expect(roundHalfUp(1.005, 0.01)).toBe(1.01);
    expect(roundHalfUp(2.675, 0.01)).toBe(2.68);
    expect(roundHalfUp(0.35, 0.1)).toBe(0.4);
    expect(roundHalfUp(-0.125, 0.01)).toBe(-0.13);
    expect(Object.is(roundHalfUp(-0.2, 1), 0)).toBe(true);
  });

  it('refuses a base that is not positive', () => {
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1, -5)).toThrow(RangeError);
  });
});
