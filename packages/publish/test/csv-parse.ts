// A strict RFC 4180 reader for the tests (written independently of the writer in src/csv.ts):
// rejects a stray quote in an unquoted field, a bare LF as a record end, and a missing final CRLF.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r')
          throw new Error(`text after closing quote at ${i}`);
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      if (fieldStarted) throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      fieldStarted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += 2;
    } else if (ch === '\n' || ch === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += ch;
      fieldStarted = true;
      i += 1;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (row.length > 0 || field !== '') throw new Error('last record does not end with CRLF');
  return rows;
}

/** Rows as objects keyed by the header row; every row must have the header's width. */
export function parseCsvRecords(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error('no header row');
  return rows.map((row, n) => {
    if (row.length !== header.length)
      throw new Error(`row ${n + 2} has ${row.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((name, i) => [name, row[i]!]));
  });
}
