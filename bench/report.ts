// The figures of issue 7 against their goals: the summary line, the printed table.
import { median, p95, round1 } from './stats';

export type ScaleName = 'county' | 'city' | 'province';

export interface Summary {
  first_paint_ms: number | null;
  engine_ready_ms: number | null;
  first_paint_returning_ms: number | null;
  engine_ready_returning_ms: number | null;
  import_score_ms: Partial<Record<ScaleName, number | null>>;
  /** The what-if slider dragged in the page: input event → every visible view redrawn and painted. */
  whatif_p50_ms: Partial<Record<ScaleName, number | null>>;
  whatif_p95_ms: Partial<Record<ScaleName, number | null>>;
  /** kaohe.scenario moving the same target, until its totals (every unit-year) are back. */
  scenario_api_p50_ms: Partial<Record<ScaleName, number | null>>;
  /** A data edit (settings re-imported): the base re-scored and the board redrawn, p50. */
  rescore_p50_ms: Partial<Record<ScaleName, number | null>>;
  peak_mb_province: number | null;
  native_ratio_province: number | null;
  plainjs_ratio_province: number | null;
  share_bytes: number | null;
  oracle_agrees: boolean;
  /** Measurements the page could not finish (DuckDB out of memory, a board that never came). */
  page_failures: number;
}

export interface ScaleFigures {
  readonly importMs: readonly number[];
  /** Slider steps in the page. */
  readonly whatIfMs: readonly number[];
  /** kaohe.scenario moves. */
  readonly scenarioApiMs: readonly number[];
  readonly rescoreMs: readonly number[];
  readonly peakBytes: readonly number[];
  readonly nativeMs: number;
  readonly plainBrowserMs: readonly number[];
  readonly failures: number;
}

export interface Goal {
  readonly figure: string;
  readonly value: number | null;
  readonly unit: string;
  readonly goal: string;
  readonly met: boolean | null;
}

const mb = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 2 ** 20));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

export function summarise(
  cold: { board: readonly number[]; ready: readonly number[]; returningBoard: readonly number[]; returningReady: readonly number[] } | null,
  scales: Partial<Record<ScaleName, ScaleFigures>>,
  oracleAgrees: boolean,
): Summary {
  const pick = (f: (s: ScaleFigures) => number | null) =>
    Object.fromEntries(Object.entries(scales).map(([k, s]) => [k, round1(f(s))])) as Partial<Record<ScaleName, number | null>>;
  const province = scales.province;
  const wasm = province ? median(province.importMs) : null;
  return {
    first_paint_ms: round1(cold ? median(cold.board) : null),
    engine_ready_ms: round1(cold ? median(cold.ready) : null),
    first_paint_returning_ms: round1(cold ? median(cold.returningBoard) : null),
    engine_ready_returning_ms: round1(cold ? median(cold.returningReady) : null),
    import_score_ms: pick((s) => median(s.importMs)),
    whatif_p50_ms: pick((s) => median(s.whatIfMs)),
    whatif_p95_ms: pick((s) => p95(s.whatIfMs)),
    scenario_api_p50_ms: pick((s) => median(s.scenarioApiMs)),
    rescore_p50_ms: pick((s) => median(s.rescoreMs)),
    peak_mb_province: province ? mb(Math.max(...province.peakBytes)) : null,
    native_ratio_province: province ? ratio(wasm, province.nativeMs) : null,
    plainjs_ratio_province: province ? ratio(median(province.plainBrowserMs), wasm) : null,
    share_bytes: null,
    oracle_agrees: oracleAgrees,
    page_failures: Object.values(scales).reduce((n, s) => n + s.failures, 0),
  };
}

const atMost = (v: number | null, limit: number) => (v === null ? null : v <= limit);
const atLeast = (v: number | null, limit: number) => (v === null ? null : v >= limit);

export function goals(s: Summary): Goal[] {
  const w = s.whatif_p50_ms;
  const imp = s.import_score_ms.province ?? null;
  return [
    { figure: 'cold start, demo: leaderboard drawn (first visit)', value: s.first_paint_ms, unit: 'ms', goal: '≤ 1000 ms', met: atMost(s.first_paint_ms, 1000) },
    { figure: 'cold start, demo: leaderboard drawn (returning)', value: s.first_paint_returning_ms, unit: 'ms', goal: '≤ 1000 ms', met: atMost(s.first_paint_returning_ms, 1000) },
    { figure: 'cold start, demo: engine ready (first visit)', value: s.engine_ready_ms, unit: 'ms', goal: '≤ 2500 ms', met: atMost(s.engine_ready_ms, 2500) },
    { figure: 'cold start, demo: engine ready (returning)', value: s.engine_ready_returning_ms, unit: 'ms', goal: '≤ 2500 ms', met: atMost(s.engine_ready_returning_ms, 2500) },
    { figure: 'import + score, county', value: s.import_score_ms.county ?? null, unit: 'ms', goal: '(no goal)', met: null },
    { figure: 'import + score, city', value: s.import_score_ms.city ?? null, unit: 'ms', goal: '(no goal)', met: null },
    { figure: 'import + score, province', value: imp, unit: 'ms', goal: '≤ 5000 ms', met: atMost(imp, 5000) },
    { figure: 'peak memory, province', value: s.peak_mb_province, unit: 'MiB', goal: '≤ 2048 MiB', met: atMost(s.peak_mb_province, 2048) },
    { figure: 'what-if slider p50, county', value: w.county ?? null, unit: 'ms', goal: '≤ 50 ms', met: atMost(w.county ?? null, 50) },
    { figure: 'what-if slider p50, city', value: w.city ?? null, unit: 'ms', goal: '≤ 150 ms', met: atMost(w.city ?? null, 150) },
    { figure: 'what-if slider p50, province', value: w.province ?? null, unit: 'ms', goal: '≤ 500 ms', met: atMost(w.province ?? null, 500) },
    { figure: 'wasm path ÷ native DuckDB, province', value: s.native_ratio_province, unit: '×', goal: '≤ 4', met: atMost(s.native_ratio_province, 4) },
    { figure: 'plain-JS pipeline ÷ wasm path, province', value: s.plainjs_ratio_province, unit: '×', goal: '≥ 3', met: atLeast(s.plainjs_ratio_province, 3) },
    { figure: 'share file, demo', value: s.share_bytes, unit: 'bytes', goal: '< 12 MB (issue 6)', met: atMost(s.share_bytes, 12_000_000) },
  ];
}

export function table(rows: readonly Goal[]): string {
  const cells = rows.map((g) => [
    g.figure,
    g.value === null ? '—' : `${g.value.toLocaleString('en-US')} ${g.unit}`,
    g.goal,
    g.met === null ? '' : g.met ? 'met' : 'MISSED',
  ]);
  const head = ['figure', 'measured', 'goal', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  return [line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
