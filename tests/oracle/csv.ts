// The plain pipeline's reader: long CSV files with Chinese headers (docs/data-format.md §2–4),
// decoded with TextDecoder, parsed row by row by PapaParse (streaming: no row array is kept),
// each cell normalised by its column's kind, straight into the oracle's maps. Distinct names are
// normalised once and remembered, as a dashboard written with care would.
import Papa from 'papaparse';
import { Inputs } from './inputs';

type Kind = 'name' | 'indicator' | 'text' | 'prose' | 'year' | 'number' | 'value';

interface Column {
  readonly name: string;
  readonly kind: Kind;
  readonly headers: readonly string[];
}

const c = (name: string, kind: Kind, ...headers: string[]): Column => ({ name, kind, headers: [name, ...headers] });

const UNIT = c('unit', 'name', '单位', '单位名称', '镇(街道)', '镇街', '乡镇');
const YEAR = c('year', 'year', '年度', '年份', '年');

/** Tables by their columns; the first column listed of each is required to recognise it. */
const TABLES: Readonly<Record<string, readonly Column[]>> = {
  results: [YEAR, UNIT, c('indicator', 'indicator', '指标', '考核指标', '指标名称', '内容'), c('actual', 'value', '完成值', '实际值', '完成情况', '实绩', '得分'), c('round', 'text', '轮次', '考核轮次'), c('note', 'prose', '备注', '扣分理由', '说明')],
  targets: [YEAR, c('indicator', 'indicator', '指标', '考核指标', '指标名称', '内容'), c('target', 'value', '目标', '目标值', '目标任务'), UNIT],
  rubric: [c('indicator', 'indicator', '指标', '考核指标', '指标名称', '考核项目', '内容'), c('points', 'number', '分值', '分数', '标准分'), c('category', 'name', '项目', '类别', '指标类别'), c('rule', 'text', '评分方法', '规则', '计分方法'), c('direction', 'text', '方向'), c('step', 'number', '扣分标准', '步长'), c('low', 'number', '下限'), c('high', 'number', '上限'), c('levels', 'text', '等级', '等级分值'), c('year', 'year', '年度', '年份', '年'), c('kind', 'text', '类型', '单位类型')],
  vetoes: [YEAR, UNIT, c('reason', 'prose', '否决事由', '事由', '原因')],
  settings: [c('key', 'text', '项', '设置项', '参数'), c('value', 'text', '值', '设置值')],
  units: [UNIT, c('kind', 'text', '类型', '单位类型', 'type'), c('population', 'number', '人口', '人口数', '常住人口'), c('district', 'name', '区县', '区', '县')],
};

const headerKey = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
const CJK_SPACE = /\s*([\u3400-\u9fff\uff00-\uffef])\s*/g;
const TRAILING_MEASURE = /(?:%|‰|\((?:%|‰|[^()]*?\d[^()]*|积分)\))$/;

function nameOf(text: string, indicator: boolean): string {
  let s = text.normalize('NFKC').replace(CJK_SPACE, '$1').replace(/\s+/g, ' ').trim();
  if (indicator) s = s.replace(TRAILING_MEASURE, '').trim();
  return s;
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** 99、99%、８‰、1,200、60对 → canonical decimal text; null when it is not a number. */
export function numberOf(text: string): string | null {
  if (PLAIN_NUMBER.test(text)) return text;
  const s = text.normalize('NFKC').trim().replace(/(\d)[,，](?=\d{3}\b)/g, '$1');
  const m = /^(-?\d+(?:\.\d+)?)\s*(?:%|‰|[\u4e00-\u9fff]{1,2})?$/.exec(s);
  return m ? m[1]! : null;
}

function yearOf(text: string): string | null {
  const m = /^(\d{2}|\d{4})\s*年?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  return m[1]!.length === 2 ? String(2000 + Number(m[1])) : m[1]!;
}

function pickTable(header: readonly string[]): { table: string; index: (number | undefined)[] } | null {
  const keys = header.map(headerKey);
  let best: { table: string; index: (number | undefined)[]; score: number } | null = null;
  for (const [table, columns] of Object.entries(TABLES)) {
    const index = columns.map((col) => {
      const i = keys.findIndex((k) => col.headers.some((h) => headerKey(h) === k));
      return i < 0 ? undefined : i;
    });
    const found = index.filter((i) => i !== undefined).length;
    const required = table === 'results' ? 4 : table === 'units' || table === 'settings' ? 1 : 2;
    if (index.slice(0, required).every((i) => i !== undefined) && (!best || found > best.score)) best = { table, index, score: found };
  }
  return best;
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads one long CSV file into `inputs`; returns its table, or null when its header is not one of ours. */
export function readCsv(inputs: Inputs, bytes: Uint8Array): string | null {
  let picked: ReturnType<typeof pickTable> | undefined;
  let columns: readonly Column[] = [];
  const names = new Map<string, string>();
  const cached = (text: string, kind: Kind) => {
    const key = kind + '\u0001' + text;
    let v = names.get(key);
    if (v === undefined) names.set(key, (v = kind === 'text' ? text.normalize('NFKC').trim() : nameOf(text, kind === 'indicator')));
    return v;
  };
  const read = (col: Column, raw: string | undefined): string | null => {
    if (raw === undefined || raw === '' || raw.trim() === '') return null;
    switch (col.kind) {
      case 'name':
      case 'indicator':
      case 'text':
        return cached(raw, col.kind);
      case 'year':
        return yearOf(raw);
      case 'number':
        return numberOf(raw);
      case 'value':
        return numberOf(raw) ?? raw.normalize('NFKC').trim();
      default:
        return raw.trim();
    }
  };
  Papa.parse<string[]>(decode(bytes), {
    skipEmptyLines: true,
    step: ({ data }) => {
      if (picked === undefined) {
        picked = pickTable(data);
        columns = picked ? TABLES[picked.table]! : [];
        return;
      }
      if (picked === null) return;
      const p = picked;
      if (p.table === 'results') {
        const [year, unit, indicator, actual, round] = [0, 1, 2, 3, 4].map((k) => read(columns[k]!, data[p.index[k] ?? -1]));
        if (year && unit && indicator && actual) inputs.addResult(year, unit, indicator, round ?? null, actual);
        return;
      }
      const row: Record<string, string | null> = {};
      columns.forEach((col, k) => (row[col.name] = read(col, data[p.index[k] ?? -1])));
      inputs.add(p.table, row);
    },
  });
  return picked?.table ?? null;
}
