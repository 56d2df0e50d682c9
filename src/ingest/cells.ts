// Per-import cell readers. Names, years and values repeat across a million rows (10 units, a few
// dozen indicators), so each reader memoises on the raw cell text.
import type { ColumnKind } from '../schema/tables';
import { normaliseName, normaliseProse, normaliseText, splitCategory, splitIndicator } from './normalise';
import { BAD_YEAR, type Invalid, parseYear, plainNumber, readNumber, readValue } from './values';

const MEMO_LIMIT = 50_000;

function memo<T>(fn: (s: string) => T): (s: string) => T {
  let cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= MEMO_LIMIT) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}

export type { Invalid };

/** A cell's canonical text, or why it does not read as its column's kind. */
export type Read = string | Invalid;

/** A plain decimal that fits DECIMAL(18,4)'s 14 integer digits, as is; else null (the full reader decides). */
function plainSmall(s: string): string | null {
  if (s.length > 14 && (s.indexOf('.') < 0 || s.indexOf('.') > 14)) return null;
  return plainNumber(s);
}

export class CellReaders {
  readonly name = memo(normaliseName);
  readonly text = memo(normaliseText);
  readonly prose = memo(normaliseProse);
  readonly indicator = memo(splitIndicator);
  readonly category = memo(splitCategory);
  readonly year = memo((s): Read => parseYear(s) ?? BAD_YEAR);
  readonly #number = memo((s): Read => readNumber(s));
  readonly #value = memo((s): Read => readValue(s));
  // Most numbers are unique (95.37), so the plain short ones skip the memo.
  readonly number = (s: string): Read => plainSmall(s) ?? this.#number(s);
  readonly value = (s: string): Read => plainSmall(s) ?? this.#value(s);

  /** A non-blank cell of `kind` (indicator and category names are read by their own readers). */
  read(kind: ColumnKind, raw: string): Read {
    switch (kind) {
      case 'name':
        return this.name(raw);
      case 'text':
        return this.text(raw);
      case 'prose':
        return this.prose(raw);
      case 'year':
        return this.year(raw);
      case 'number':
        return this.number(raw);
      case 'value':
        return this.value(raw);
    }
  }
}
