// Seeded, repeatable content for the benchmarks' generators: the same seed gives the same words,
// so runs (and machines) are comparable.

/** mulberry32: a small seeded pseudo-random generator, numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'improve support for children and young people with special educational needs and disabilities in mainstream schools early years settings colleges health services social care through training assessment transition planning outreach inclusion co-production families'.split(
    ' ',
  );

/** A pick from a list, and plan-like sentences of min to max words, from one seeded generator. */
export function seededText(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(next() * (max - min));
    const words = Array.from({ length }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  return { next, pick, sentence };
}
