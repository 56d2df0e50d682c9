// The printed results (issue 6): the district's published result (考核结果通报: ranked table,
// grades, vetoes with their reasons, the scenario's name when it is not the base data) and one
// report card per unit. Plain TypeScript: the SQL it reads and the shape it prints; the view is
// src/app/share/PrintReport.svelte with src/app/share/print.css.
import { ident } from '../db/sql';
import type { Row } from '../db/rows';

/** The totals of one year, in rank order (vetoed units last), from `schema` (main or a scenario's). */
export function reportTotalsSql(schema: string | null): string {
  const t = schema ? `${ident(schema)}.totals` : 'totals';
  return `SELECT unit, kind, base, bonus, total, grade, rank, vetoed, veto_reason FROM ${t} WHERE year = ? ORDER BY rank, unit_ord, unit`;
}

/** The district the units belong to, when they name exactly one (区县): the report's heading. */
export const DISTRICT_SQL = 'SELECT DISTINCT district FROM units WHERE district IS NOT NULL LIMIT 2';

/** The heading's place: the one district the units name, else the workspace's own title. */
export function reportTitle(districts: readonly Row[], doc: { title: string; demo: string | null }): string {
  if (districts.length === 1) return String(districts[0]!['district']);
  return doc.title === doc.demo ? '' : doc.title;
}

/** Every scored item of one year, unit by unit in official order, items in rubric order. */
export function reportItemsSql(schema: string | null): string {
  const s = schema ? `${ident(schema)}.scores` : 'scores';
  return `SELECT unit, category, indicator, round, points, score, target, actual, explanation FROM ${s}
WHERE year = ? ORDER BY unit_ord, unit, rubric_row, round_ord NULLS LAST, indicator`;
}

export interface ReportUnit {
  readonly unit: string;
  readonly kind: string | null;
  readonly base: number;
  readonly bonus: number;
  readonly total: number;
  readonly grade: string;
  readonly rank: number;
  readonly vetoed: boolean;
  readonly vetoReason: string | null;
}

export interface ReportItem {
  readonly category: string | null;
  readonly indicator: string;
  readonly round: string | null;
  readonly points: number | null;
  readonly score: number | null;
  readonly target: string | null;
  readonly actual: string | null;
  readonly explanation: string | null;
}

export interface Report {
  readonly title: string;
  readonly year: number;
  /** The scenario's name when the figures are a what-if, else null (the base data). */
  readonly scenario: string | null;
  readonly units: readonly ReportUnit[];
  /** Grade → how many units got it, in rank order of first appearance. */
  readonly grades: readonly { grade: string; count: number }[];
  readonly vetoes: readonly ReportUnit[];
  readonly cards: readonly { unit: ReportUnit; items: readonly ReportItem[]; rounds: boolean }[];
}

const num = (v: Row[string] | undefined) => (v === null || v === undefined ? null : Number(v));
const text = (v: Row[string] | undefined) => (v === null || v === undefined ? null : String(v));

export function buildReport(title: string, year: number, scenario: string | null, totals: readonly Row[], items: readonly Row[]): Report {
  const units: ReportUnit[] = totals.map((r) => ({
    unit: String(r['unit']),
    kind: text(r['kind']),
    base: num(r['base']) ?? 0,
    bonus: num(r['bonus']) ?? 0,
    total: num(r['total']) ?? 0,
    grade: String(r['grade'] ?? ''),
    rank: num(r['rank']) ?? 0,
    vetoed: r['vetoed'] === true,
    vetoReason: text(r['veto_reason']),
  }));
  const grades = new Map<string, number>();
  for (const u of units) grades.set(u.grade, (grades.get(u.grade) ?? 0) + 1);
  const byUnit = new Map<string, ReportItem[]>();
  for (const r of items) {
    const list = byUnit.get(String(r['unit'])) ?? [];
    list.push({
      category: text(r['category']),
      indicator: String(r['indicator']),
      round: text(r['round']),
      points: num(r['points']),
      score: num(r['score']),
      target: text(r['target']),
      actual: text(r['actual']),
      explanation: text(r['explanation']),
    });
    byUnit.set(String(r['unit']), list);
  }
  const cards = units.map((unit) => {
    const list = byUnit.get(unit.unit) ?? [];
    return { unit, items: list, rounds: new Set(list.map((i) => i.round).filter((r) => r !== null)).size > 1 };
  });
  return {
    title,
    year,
    scenario,
    units,
    grades: [...grades].map(([grade, count]) => ({ grade, count })),
    vetoes: units.filter((u) => u.vetoed),
    cards,
  };
}

/** Points as printed: two decimals at most, no trailing zeros. */
export function points(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  return String(Math.round(n * 100) / 100);
}
