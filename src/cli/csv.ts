// CSV writing: RFC 4180 quoting, LF line ends, NULL as an empty cell.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | null): string {
  if (value === null) return '';
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly (string | null)[])[], bom = false): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return (bom ? '\uFEFF' : '') + lines.join('\n') + '\n';
}
