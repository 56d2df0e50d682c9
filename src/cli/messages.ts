// What the command line says, in both languages.
import type { Catalogue } from '../i18n/types';

export const cliMessages: Catalogue = {
  'zh-CN': {
    'cli.noDir': '找不到数据目录「{dir}」',
    'cli.noFiles': '数据目录「{dir}」中没有 CSV 文件',
    'cli.failed': '「{file}」无法导入：{reason}',
    'cli.unknownError': '原因不明',
    'cli.rejected': '「{file}」第{row}行「{column}」列：{reason}',
    'cli.stopped': '有 {count} 处输入错误，未计分。请修正后重试。',
    'cli.note': '「{file}」：{note}',
    'cli.scoringNote': '计分说明：{note}',
    'cli.done': '已计分：{units} 个单位，{years} 个年度；结果写入 {totals} 和 {details}',
  },
  en: {
    'cli.noDir': 'data directory {dir} not found',
    'cli.noFiles': 'no CSV file in data directory {dir}',
    'cli.failed': '{file} cannot be imported: {reason}',
    'cli.unknownError': 'no reason given',
    'cli.rejected': '{file} line {row}, column {column}: {reason}',
    'cli.stopped': '{count} input error(s); nothing scored. Fix them and run again.',
    'cli.note': '{file}: {note}',
    'cli.scoringNote': 'scoring note: {note}',
    'cli.done': 'scored {units} units over {years} years: {totals} and {details}',
  },
};
