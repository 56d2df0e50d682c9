// Per-import cell readers. Names, years and values repeat across a million rows (10 units, a few
// dozen indicators), so each reader memoises on the raw cell text.
import type { ColumnKind } from '../schema/tables';
import { normaliseName, normaliseProse, normaliseText, splitCategory, splitIndicator } from './normalise';
import { parseNumber, parseValue, parseYear, plainNumber } from './values';

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

/** A cell that does not read as its column's kind; the reason key says which check failed. */
export interface Invalid {
  readonly invalid: 'ingest.reject.year' | 'ingest.reject.number';
}
const BAD_YEAR: Invalid = { invalid: 'ingest.reject.year' };
const BAD_NUMBER: Invalid = { invalid: 'ingest.reject.number' };

export type Read = string | Invalid;

export class CellReaders {
  readonly name = memo(normaliseName);
  readonly text = memo(normaliseText);
  readonly prose = memo(normaliseProse);
  readonly indicator = memo(splitIndicator);
  readonly category = memo(splitCategory);
  readonly year = memo((s): Read => parseYear(s) ?? BAD_YEAR);
  readonly #number = memo((s): Read => parseNumber(s) ?? BAD_NUMBER);
  readonly #value = memo((s): string => {
    const v = parseValue(s);
    return v.kind === 'empty' ? '' : v.text;
  });
  // Most numbers are unique (95.37), so the plain ones skip the memo.
  readonly number = (s: string): Read => plainNumber(s) ?? this.#number(s);
  readonly value = (s: string): string => plainNumber(s) ?? this.#value(s);

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
