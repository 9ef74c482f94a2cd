// Spotting text that looks like a child's personal data before it is published (issue 14): a
// unique pupil number, an NHS number, or a name beside a date of birth. Pure and deliberately
// cautious: a find is a warning the partnership lead must confirm, never a silent pass or a refusal.

export type PersonalDataKind = 'UPN' | 'NHS_NUMBER' | 'NAME_WITH_DATE_OF_BIRTH';

export interface PersonalDataFind {
  kind: PersonalDataKind;
  /** Where in the text it starts (for a reader to find it; the text itself is not repeated). */
  index: number;
}

export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  UPN: 'a unique pupil number (UPN)',
  NHS_NUMBER: 'an NHS number',
  NAME_WITH_DATE_OF_BIRTH: 'a name with a date of birth',
};

/**
 * A UPN as DfE defines it: a check letter, then 12 characters (LA code, establishment, year and
 * serial: 11 digits and a final digit, or a letter for a temporary UPN). The letters I, O and S
 * are never used.
 */
const UPN = /\b[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]\b/g;

/** Ten digits, together or spaced (or hyphenated) 3-3-4, the same separator both times. */
const NHS = /(?<![\d-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d-])/g;

/** The NHS number's modulus 11 check: weights 10 to 2 on the first nine digits. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

const MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
/** Two or three capitalised words: "Jamie Smith", "Amy-Jo O'Neill". */
const NAME = `[A-Z][a-z'’-]+(?:\\s+[A-Z][a-z'’-]+){1,2}`;
/** "DOB", "D.O.B.", "date of birth", "born", "born on", in either case. */
const BIRTH = `(?:[Dd]\\.?[Oo]\\.?[Bb]\\.?|DOB|[Dd]ate of [Bb]irth|[Bb]orn(?: on)?)`;
/** A name then, close by, a date of birth: "Jamie Smith, DOB 12/03/2015", "Jamie Smith (born 12 March 2015)". */
const NAME_THEN_BIRTH = new RegExp(`${NAME}[^.\\n]{0,40}?\\b${BIRTH}\\s*:?\\s*${DATE}`, 'g');
/** A date of birth then the name: "DOB 12/03/2015 Jamie Smith". */
const BIRTH_THEN_NAME = new RegExp(`\\b${BIRTH}\\s*:?\\s*${DATE}[^.\\n]{0,20}?${NAME}`, 'g');
/** A name with a date in brackets straight after it: "Jamie Smith (12/03/2015)". */
const NAME_THEN_BRACKETED_DATE = new RegExp(`${NAME}\\s*\\(\\s*${DATE}\\s*\\)`, 'g');

/** What in `text` looks like personal data, in order of where it starts; [] when nothing does. */
export function findPersonalData(text: string): PersonalDataFind[] {
  const finds: PersonalDataFind[] = [];
  for (const m of text.matchAll(UPN)) finds.push({ kind: 'UPN', index: m.index });
  for (const m of text.matchAll(NHS)) {
    if (isValidNhsNumber(`${m[1]}${m[3]}${m[4]}`))
      finds.push({ kind: 'NHS_NUMBER', index: m.index });
  }
  const named = new Set<number>();
  for (const m of text.matchAll(NAME_THEN_BIRTH)) named.add(m.index);
  for (const m of text.matchAll(BIRTH_THEN_NAME)) named.add(m.index);
  for (const m of text.matchAll(NAME_THEN_BRACKETED_DATE)) named.add(m.index);
  for (const index of named) finds.push({ kind: 'NAME_WITH_DATE_OF_BIRTH', index });
  return finds.sort((a, b) => a.index - b.index);
}
