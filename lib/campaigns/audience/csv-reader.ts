// A streaming CSV reader (RFC 4180 and what spreadsheets actually write): text goes in as it arrives,
// records come out with the line they start on (the header is line 1), so a problem can be reported
// as the line a person finds in a text editor. Quoted fields may hold delimiters, "" and line breaks;
// lines end in \n, \r\n or \r. A stray quote inside an unquoted field, or text after a closing quote,
// is kept as written rather than refused: a spreadsheet's data is not a request to reject.
// Client-safe: the wizard's preview reads the first lines with the same code.

export type CsvRecord = (cells: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Line breaks inside a quoted field (so the next record's line number is right). */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

export class CsvReader {
  #pending = '';
  #line = 1;
  readonly #delimiter: number;

  constructor(
    delimiter: string,
    private readonly onRecord: CsvRecord,
  ) {
    this.#delimiter = delimiter.charCodeAt(0);
  }

  /** Reads the complete records in `text` (with what was left of the last chunk); keeps the incomplete rest. */
  push(text: string): void {
    this.#pending = this.#pending ? this.#pending + text : text;
    this.#consume(false);
  }

  /** The input is over: the last record needs no line break. */
  end(): void {
    this.#consume(true);
    this.#pending = '';
  }

  #consume(final: boolean): void {
    const s = this.#pending;
    const n = s.length;
    const delimiter = this.#delimiter;
    let pos = 0;
    record: while (pos < n) {
      const cells: string[] = [];
      let i = pos;
      let breaks = 0;
      for (;;) {
        let value: string;
        let end: number;
        if (s.charCodeAt(i) === QUOTE) {
          let from = i + 1;
          value = '';
          for (;;) {
            const q = s.indexOf('"', from);
            if (q < 0 || (q + 1 >= n && !final)) {
              if (!final) break record;
              // An unterminated quote runs to the end of the input.
              value += s.slice(from);
              from = n;
              break;
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              value += s.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            value += s.slice(from, q);
            from = q + 1;
            break;
          }
          if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) breaks += lineBreaks(value);
          end = from;
          while (end < n) {
            const c = s.charCodeAt(end);
            if (c === delimiter || c === LF || c === CR) break;
            end++;
          }
          if (end > from) value += s.slice(from, end);
        } else {
          end = i;
          while (end < n) {
            const c = s.charCodeAt(end);
            if (c === delimiter || c === LF || c === CR) break;
            end++;
          }
          value = s.slice(i, end);
        }
        cells.push(value);
        if (end >= n) {
          if (!final) break record;
          this.onRecord(cells, this.#line);
          pos = n;
          break record;
        }
        const c = s.charCodeAt(end);
        if (c === delimiter) {
          i = end + 1;
          if (i >= n && !final) break record;
          if (i >= n) {
            cells.push('');
            this.onRecord(cells, this.#line);
            pos = n;
            break record;
          }
          continue;
        }
        // A line break: \r\n counts once; a \r at the end of a chunk may be the first half of one.
        if (c === CR) {
          if (end + 1 >= n && !final) break record;
          pos = s.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
        } else pos = end + 1;
        this.onRecord(cells, this.#line);
        this.#line += 1 + breaks;
        continue record;
      }
    }
    this.#pending = pos >= n ? '' : s.slice(pos);
  }
}

/** Every record of a whole text (tests, small inputs). */
export function readCsv(text: string, delimiter = ','): { cells: string[]; line: number }[] {
  const out: { cells: string[]; line: number }[] = [];
  const reader = new CsvReader(delimiter, (cells, line) => out.push({ cells, line }));
  reader.push(text);
  reader.end();
  return out;
}
