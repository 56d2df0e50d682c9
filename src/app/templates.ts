// The template CSVs of data/templates/ (docs/data-format.md), served with the app so an analyst
// can start from the right headers.
import type { TableName } from '../schema/tables';

const urls = import.meta.glob('../../data/templates/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The template of a table, and the wide-layout one for targets. */
export function templatesFor(table: TableName): { name: string; url: string }[] {
  const names = table === 'targets' ? ['targets.csv', 'targets-wide.csv'] : [`${table}.csv`];
  return names.flatMap((name) => {
    const url = urls[`../../data/templates/${name}`];
    return url ? [{ name, url }] : [];
  });
}
