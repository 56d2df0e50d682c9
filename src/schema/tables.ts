// The data contract (issue 2, docs/data-format.md): canonical long tables, their columns,
// the header aliases each column accepts, and the DuckDB type each column has once loaded.
// Every layer reads this one file: ingest maps headers with it, db creates tables from it,
// the engine and the docs name columns from it.

export type TableName = 'units' | 'rubric' | 'targets' | 'results' | 'vetoes' | 'settings';

/** How a column's text is checked and stored. */
export type ColumnKind =
  | 'name' //       unit / indicator / category names: normalised for matching across files
  | 'text' //       short codes (rule, levels, kind, settings): NFKC, trimmed
  | 'prose' //      descriptions, notes, reasons: as written (no NFKC), line breaks joined
  | 'year' //       2018, 2018年, 18 → 2018; blank not allowed unless optional
  | 'number' //     99, 99%, 8‰, 1,200, ６０对 → canonical decimal text; anything else rejects the row
  | 'value'; //     target / actual: a number when it reads as one, else text; `=…` stays a formula

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly sqlType: 'VARCHAR' | 'INTEGER' | 'DECIMAL(18,4)';
  readonly required: boolean;
  /** Header spellings accepted besides `name` (compared after NFKC, case folding, whitespace removal). */
  readonly aliases: readonly string[];
}

export interface TableSpec {
  readonly name: TableName;
  readonly columns: readonly ColumnSpec[];
  /** File-name keywords that point at this table (compared after NFKC and lower-casing). */
  readonly fileKeywords: readonly string[];
}

const col = (
  name: string,
  kind: ColumnKind,
  required: boolean,
  aliases: readonly string[],
): ColumnSpec => ({
  name,
  kind,
  required,
  aliases,
  sqlType: kind === 'year' ? 'INTEGER' : kind === 'number' ? 'DECIMAL(18,4)' : 'VARCHAR',
});

export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  units: {
    name: 'units',
    fileKeywords: ['units', 'unit', '单位', '镇街', '乡镇'],
    columns: [
      col('unit', 'name', true, ['单位', '单位名称', '镇（街道）', '镇街', '乡镇', 'township']),
      col('kind', 'text', false, ['类型', '单位类型', 'type']),
      col('population', 'number', false, ['人口', '人口数', '常住人口']),
      col('district', 'name', false, ['区县', '区', '县', '区（县）']),
    ],
  },
  rubric: {
    name: 'rubric',
    fileKeywords: ['rubric', '细则', '评分标准', '考核办法', '百分考核'],
    columns: [
      col('indicator', 'name', true, ['指标', '考核指标', '指标名称', '考核项目', '内容']),
      col('category', 'name', false, ['项目', '类别', '指标类别', '项目及分值']),
      col('track', 'text', false, ['考核类别', '条线', '类']),
      col('points', 'number', true, ['分值', '分数', '标准分']),
      col('rule', 'text', false, ['评分方法', '规则', '计分方法']),
      col('direction', 'text', false, ['方向']),
      col('step', 'number', false, ['扣分标准', '步长']),
      col('low', 'number', false, ['下限']),
      col('high', 'number', false, ['上限']),
      col('levels', 'text', false, ['等级', '等级分值']),
      col('method', 'prose', false, ['考核方式']),
      col('office', 'prose', false, ['责任科室', '科室']),
      col('description', 'prose', false, ['考核内容', '说明', '评分标准说明']),
      col('year', 'year', false, ['年度', '年份', '年']),
      col('kind', 'text', false, ['类型', '单位类型']),
    ],
  },
  targets: {
    name: 'targets',
    fileKeywords: ['target', 'targets', '目标'],
    columns: [
      col('year', 'year', true, ['年度', '年份', '年']),
      col('unit', 'name', false, ['单位', '单位名称', '镇（街道）', '镇街', '乡镇']),
      col('indicator', 'name', true, ['指标', '考核指标', '指标名称', '内容']),
      col('target', 'value', true, ['目标', '目标值', '目标任务']),
    ],
  },
  results: {
    name: 'results',
    fileKeywords: ['result', 'results', 'actual', '完成', '实际', '实绩', '结果'],
    columns: [
      col('year', 'year', true, ['年度', '年份', '年']),
      col('unit', 'name', true, ['单位', '单位名称', '镇（街道）', '镇街', '乡镇']),
      col('indicator', 'name', true, ['指标', '考核指标', '指标名称', '内容']),
      col('round', 'text', false, ['轮次', '考核轮次']),
      col('actual', 'value', true, ['完成值', '实际值', '完成情况', '实绩', '得分']),
      col('note', 'prose', false, ['备注', '扣分理由', '说明']),
    ],
  },
  vetoes: {
    name: 'vetoes',
    fileKeywords: ['veto', 'vetoes', '否决'],
    columns: [
      col('year', 'year', true, ['年度', '年份', '年']),
      col('unit', 'name', true, ['单位', '单位名称', '镇（街道）', '镇街', '乡镇']),
      col('reason', 'prose', false, ['否决事由', '事由', '原因']),
    ],
  },
  settings: {
    name: 'settings',
    fileKeywords: ['settings', 'setting', '设置', '参数'],
    columns: [
      col('key', 'text', true, ['项', '设置项', '参数']),
      col('value', 'text', true, ['值', '设置值']),
    ],
  },
};

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Columns every loaded table carries after its contract columns: where each row came from. */
export const PROVENANCE_COLUMNS = [
  { name: 'source', sqlType: 'VARCHAR' }, // file name
  { name: 'source_row', sqlType: 'INTEGER' }, // 1-based line of the record in that file
] as const;

/** The round a result belongs to when its file names none (seed 003: 年终考核). */
export const DEFAULT_ROUND = '年终';
