import { DataType, type Field, type Table } from 'apache-arrow';

/** A result row as plain JSON-safe values: numbers, strings, booleans, null (never BigInt). */
export type Row = Record<string, string | number | boolean | null>;

/** Exact text of a 128-bit two's-complement decimal held as four little-endian 32-bit words. */
export function decimalWordsToString(words: Uint32Array, scale: number): string {
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i] ?? 0);
  const bits = BigInt(words.length * 32);
  if (v >> (bits - 1n)) v -= 1n << bits;
  const negative = v < 0n;
  const digits = (negative ? -v : v).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? digits.slice(digits.length - scale).replace(/0+$/, '') : '';
  return (negative ? '-' : '') + int + (frac ? '.' + frac : '');
}

function convert(value: unknown, field: Field): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  const type = field.type;
  if (DataType.isDecimal(type)) return Number(decimalWordsToString(value as Uint32Array, type.scale));
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return new Date(value as number).toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Converts an Arrow result to plain rows; DECIMAL becomes a number, BIGINT a number when safe. */
export function toRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const out: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      const field = fields[c]!;
      row[field.name] = convert(columns[c]?.get(r), field);
    }
    out[r] = row;
  }
  return out;
}
