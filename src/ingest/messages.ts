// What ingest tells the user, zh-CN first. Every error and rejection names the file, the line and
// the column, and says what to do. Keys under `ingest.warn.` are notes that ask for a check.
import type { Catalogue, Message } from '../i18n/types';
import { TABLES, type TableName } from '../schema/tables';

export const ingestMessages: Catalogue = {
  'zh-CN': {
    'ingest.error.empty': '「{file}」是空文件，没有可导入的内容。请确认选对了文件，或在 Excel/WPS 中重新另存为 CSV。',
    'ingest.error.binary':
      '「{file}」不是文本格式的 CSV 文件（像是 .xlsx、.xls 或其他二进制文件）。请在 Excel/WPS 中用「另存为 → CSV」保存后再导入。',
    'ingest.error.unknownTable':
      '「{file}」：看不出这是哪一张表（表头在第{row}行：{headers}）。请选择表的类型；如果表头列名不标准，请改成数据格式说明中的列名。',
    'ingest.error.missingColumns':
      '「{file}」第{row}行的表头缺少必填列：{columns}。请在表头加上这些列（可用中文列名）后重新导入。',
    'ingest.error.needsYear':
      '「{file}」是宽表（指标 × 单位），但看不出年度：表中没有年度列，文件名里也没有年份。请输入年度，或把年份写进文件名（如「新北区2018年目标任务.csv」）。',
    'ingest.error.needsWideKind':
      '「{file}」是宽表（指标 × 单位），但看不出是目标值还是完成值。请选择；或在文件名中写明「目标」或「完成」。',
    'ingest.error.needsYearAndWideKind':
      '「{file}」是宽表（指标 × 单位），但看不出年度，也看不出是目标值还是完成值。请输入年度并选择类型；或把它们写进文件名（如「新北区2018年目标任务.csv」）。',
    'ingest.error.orientation':
      '「{file}」第{row}行像是宽表的表头，但认不出哪些是单位名称（单位名通常以镇、乡、街道结尾）。请先导入单位表，或把表改成长表（年度、单位、指标、目标值各占一列）。',

    'ingest.reject.required': '「{file}」第{row}行：「{column}」为空，这一列必须填写。请补上后重新导入。',
    'ingest.reject.year': '「{file}」第{row}行：「{column}」列的「{value}」不是年度。请写成 2018 或 2018年。',
    'ingest.reject.number':
      '「{file}」第{row}行：「{column}」列的「{value}」不是数字。请只填数字（可以带 %、‰ 或 对、元、人 等单位）。',
    'ingest.reject.extraCells':
      '「{file}」第{row}行的单元格比表头多（多出的内容「{value}」在第{column}列）。请删掉多余内容，或给这一列加上列名。',
    'ingest.reject.wideNoIndicator':
      '「{file}」第{row}行「{column}」下有值「{value}」，但这一行没有指标名称。请在行首补上指标名称。',
    'ingest.reject.wideNoUnit':
      '「{file}」第{row}行「{column}」下有值「{value}」，但这一行没有单位名称。请在行首补上单位名称。',
    'ingest.reject.wideNoHeader':
      '「{file}」第{row}行第{column}列有值「{value}」，但这一列没有表头（单位或指标名称）。请补上表头，或删掉这个值。',
    'ingest.reject.wideYear':
      '「{file}」第{row}行「{column}」下的值「{value}」没有导入：这一行的年度「{year}」无法识别。请写成 2018 或 2018年。',

    'ingest.reject.undecodable':
      '「{file}」第{row}行：「{column}」列有无法识别的字节（显示为「{value}」），不是有效的 {encoding} 文本，这一行未导入。请在 Excel/WPS 中改正这一格，另存为「CSV UTF-8」后重新导入。',
    'ingest.reject.unclosedQuote':
      '「{file}」第{row}行：「{column}」列的引号没有闭合，这一行未导入，其后的行照常读取。请补上闭合的引号（或删去多余的引号）后重新导入。',
    'ingest.reject.placeholder':
      '「{file}」第{row}行：「{column}」列是「{value}」，表示没有数值（未考核），这一行未导入。要考核这一项请填上数值；不考核请删去这一行。',
    'ingest.reject.excelError':
      '「{file}」第{row}行：「{column}」列是 Excel 的错误值「{value}」，这一行未导入。请在 Excel/WPS 中改正这一格的公式，再另存为 CSV。',
    'ingest.reject.malformedNumber':
      '「{file}」第{row}行：「{column}」列的「{value}」像数字却读不成一个数（多了空格或小数点，或不是有限的数）。请改成一个数，如 99、99.5 或 99.5%。',
    'ingest.reject.numberRange':
      '「{file}」第{row}行：「{column}」列的「{value}」太大（整数部分超过 14 位）。请检查这一格是否多打了数字。',
    'ingest.reject.negative':
      '「{file}」第{row}行：「{column}」列的「{value}」是负数，分值、扣分标准和人口都不能为负。请改成 0 或正数；要扣分请用「扣分」评分方法。',
    'ingest.reject.formulaLength':
      '「{file}」第{row}行：「{column}」列的公式有 {length} 个字符，超过 {max} 个字符的上限，这一行未导入。请把公式简化（目标公式只用 prev、population、四则运算、min、max、if）。',
    'ingest.reject.duplicateColumn':
      '「{file}」第{row}行：表头有两列「{column}」，这一行两列的值不同（「{other}」和「{value}」），不知该用哪一个，这一行未导入。请删去其中一列或让两列一致。',

    'ingest.note.encoding': '按 {encoding} 编码读取。',
    'ingest.note.delimiterTab': '分隔符为制表符（Tab）。',
    'ingest.note.delimiterSemicolon': '分隔符为分号（;）。',
    'ingest.note.tableFromHeader': '按表头识别为{tableZh}（{table}）。',
    'ingest.note.tableFromFileName': '按表头和文件名识别为{tableZh}（{table}）。',
    'ingest.note.tableFromContext': '按所选类型导入为{tableZh}（{table}）。',
    'ingest.note.titleLines': '跳过表头上方的 {count} 行标题：{lines}。',
    'ingest.note.notesBelow': '跳过表格下方的 {count} 行备注：{lines}。',
    'ingest.note.columns': '表头对应：{mapping}。',
    'ingest.note.ignoredColumns': '以下列不在数据格式中，已忽略：{columns}。',
    'ingest.note.duplicateColumn': '「{header}」与前面的列同为 {field}，已忽略。',
    'ingest.note.fillDown': '「{column}」列有 {count} 行空白（合并单元格），已按上一行填充。',
    'ingest.note.measure': '指标「{indicator}」去掉了计量单位「{measure}」。',
    'ingest.note.measureMore': '另有 {count} 个指标去掉了计量单位。',
    'ingest.note.subtotals': '类别带有小计分值，已从类别名中去掉：{subtotals}。',
    'ingest.note.quota': '指标「{indicator}」标明总数 {measure}，各单位目标值合计 {sum}，一致。',
    'ingest.note.allUnits': '{count} 行的单位为空或「全部」，视为适用于所有单位。',
    'ingest.note.roundDefault': '{count} 行没有考核轮次，按「年终」计。',
    'ingest.note.unpivotUnitsAsColumns':
      '宽表（单位在列）已转换为长表：{units} 个单位 × {indicators} 个指标，共 {cells} 个值。',
    'ingest.note.unpivotUnitsAsRows':
      '宽表（单位在行）已转换为长表：{units} 个单位 × {indicators} 个指标，共 {cells} 个值。',
    'ingest.note.wideKindFromFileName': '按文件名导入为{tableZh}（{table}）。',
    'ingest.note.wideKindFromContext': '按所选类型导入为{tableZh}（{table}）。',
    'ingest.note.yearFromFileName': '年度取自文件名：{year}。',
    'ingest.note.yearFromContext': '年度按所填：{year}。',
    'ingest.note.wideBlank': '宽表中有 {count} 个空单元格，没有数值，未计入。',
    'ingest.note.categoryDropped': '宽表的类别列未导入（类别以考核细则为准）：{categories}。',
    'ingest.warn.subtotalMismatch':
      '请核对：类别「{category}」标明 {subtotal} 分，但其下各项分值合计 {sum} 分。',
    'ingest.warn.quotaMismatch':
      '请核对：指标「{indicator}」标明总数 {measure}，但各单位目标值合计 {sum}。',
    'ingest.note.mergedAcross':
      '第{row}行「{indicator}」只在第一个单位下有值：原表中这个单元格跨所有单位合并，已作为全部单位的目标导入。如只适用于第一个单位，请在其他单位下填写各自的目标。',
    'ingest.warn.singleValue':
      '请核对：第{row}行「{indicator}」只有第一个单位（{unit}）有值，原表中这个单元格可能跨所有单位合并。如果它适用于所有单位，请在每个单位下都填上。',
    'ingest.warn.labelOnly': '第{row}行「{label}」没有任何数值，未导入。',
    'ingest.note.mixedLineEndings': '「{file}」中混用了 CRLF、LF 或 CR 换行，已统一按行读取。如行数不对，请在 Excel/WPS 中重新另存为 CSV。',
    'ingest.note.repeatedHeader': '「{file}」第{rows}行重复了表头，已跳过（共 {count} 行）；其上下的数据照常导入。',
    'ingest.note.placeholderBlank': '「{column}」列有 {count} 格写作「--」「/」或「未考核」等，按空白处理。',
    'ingest.warn.pointsTotal':
      '请核对：「{file}」中非加分项的「{column}」合计 {sum} 分，不是 100 分（第{first}–{last}行）。仍按所填分值计分；如有漏项或错填，请改正后重新导入。',
    'ingest.warn.pointsTotalScope':
      '请核对：「{file}」中适用于「{scope}」的非加分项「{column}」合计 {sum} 分，不是 100 分（第{first}–{last}行）。仍按所填分值计分；如有漏项或错填，请改正后重新导入。',
    'ingest.warn.unknownRule':
      '请核对：「{file}」第{row}行「{column}」列的「{value}」不是已知的评分方法（达标、扣分、比例、区间、定性、评估打分、加分），该项将得 0 分并标记「未知规则」。请改成其中之一。',
    'ingest.warn.badFormula':
      '请核对：「{file}」第{row}行「{column}」列的公式「{value}」在第 {position} 个字符处有误，用到它的项将得 0 分并标记「公式错误」。请改正公式（可用 prev/上年、population/人口、+ - * /、min、max、if）。',
    'ingest.warn.formulaDivZero':
      '请核对：「{file}」第{row}行「{column}」列的公式「{value}」除以 0，算不出目标，用到它的项将标记「无目标」。请改正公式。',
    'ingest.warn.duplicateRow':
      '请核对：「{file}」第{row}行与第{first}行是同一条记录（{record}），值分别为「{value}」和「{used}」：计分用第{first}行的「{used}」，第{row}行不计（加分项的各行相加）。如第{row}行才对，请删去第{first}行。',
    'ingest.warn.duplicateMore': '请核对：「{file}」另有 {count} 处重复记录。',
    'ingest.warn.unknownUnit':
      '请核对：「{file}」第{row}行「{column}」列的单位「{value}」不在已导入的单位表中（共 {count} 行），这些行不计分。请检查单位名称，或把它加进单位表。',
    'ingest.warn.noRows': '「{file}」第{row}行是表头，但下面没有数据行，没有导入任何记录。请确认文件内容是否完整。',
    'ingest.warn.unclosedQuote': '请核对：第{rows}行有未闭合的引号，这些行未导入，其余各行照常读取。',
  },
  en: {
    'ingest.error.empty': '{file} is empty: there is nothing to import. Check that it is the right file, or save it again as CSV from Excel or WPS.',
    'ingest.error.binary':
      '{file} is not a text CSV file (it looks like .xlsx, .xls or another binary file). In Excel or WPS use Save As → CSV, then import that file.',
    'ingest.error.unknownTable':
      '{file}: cannot tell which table this is (header on line {row}: {headers}). Choose the table type; if the column names are not standard, rename them as in the data format guide.',
    'ingest.error.missingColumns':
      '{file}: the header on line {row} lacks the required column(s) {columns}. Add them (Chinese names are fine) and import again.',
    'ingest.error.needsYear':
      '{file} is a wide table (indicators × units) with no year: there is no year column and no year in the file name. Enter the year, or put it in the file name (e.g. 新北区2018年目标任务.csv).',
    'ingest.error.needsWideKind':
      '{file} is a wide table (indicators × units), but it does not say whether it holds targets or results. Choose one, or put 目标 (target) or 完成 (result) in the file name.',
    'ingest.error.needsYearAndWideKind':
      '{file} is a wide table (indicators × units) with no year, and it does not say whether it holds targets or results. Enter the year and choose the kind, or put both in the file name (e.g. 新北区2018年目标任务.csv).',
    'ingest.error.orientation':
      '{file}: line {row} looks like the header of a wide table, but no unit names can be recognised (they usually end in 镇, 乡 or 街道). Import the units table first, or make the table long (year, unit, indicator and target each in a column).',

    'ingest.reject.required': '{file} line {row}: {column} is blank, but it is required. Fill it in and import again.',
    'ingest.reject.year': '{file} line {row}: "{value}" in column {column} is not a year. Write it as 2018 or 2018年.',
    'ingest.reject.number':
      '{file} line {row}: "{value}" in column {column} is not a number. Enter a number (a unit such as %, ‰, 对, 元 or 人 may follow it).',
    'ingest.reject.extraCells':
      '{file} line {row} has more cells than the header ("{value}" in column {column}). Delete the extra content, or give that column a name.',
    'ingest.reject.wideNoIndicator':
      '{file} line {row}: value "{value}" under {column}, but the row has no indicator name. Add the indicator name at the start of the row.',
    'ingest.reject.wideNoUnit':
      '{file} line {row}: value "{value}" under {column}, but the row has no unit name. Add the unit name at the start of the row.',
    'ingest.reject.wideNoHeader':
      '{file} line {row}: value "{value}" in column {column}, which has no header (unit or indicator name). Add the header, or delete the value.',
    'ingest.reject.wideYear':
      '{file} line {row}: value "{value}" under {column} was not loaded because the row\'s year "{year}" is not a year. Write it as 2018 or 2018年.',

    'ingest.reject.undecodable':
      '{file} line {row}: column {column} holds bytes that are not valid {encoding} text (shown as "{value}"), so the row was not loaded. Fix that cell in Excel or WPS, save as "CSV UTF-8" and import again.',
    'ingest.reject.unclosedQuote':
      '{file} line {row}: a quote opened in column {column} is never closed, so the row was not loaded; the lines after it were read as usual. Close the quote (or delete the stray one) and import again.',
    'ingest.reject.placeholder':
      '{file} line {row}: "{value}" in column {column} stands for no value (not assessed), so the row was not loaded. Enter the value to assess the item, or delete the row.',
    'ingest.reject.excelError':
      '{file} line {row}: column {column} holds the Excel error "{value}", so the row was not loaded. Fix the formula of that cell in Excel or WPS and save as CSV again.',
    'ingest.reject.malformedNumber':
      '{file} line {row}: "{value}" in column {column} looks like a number but does not read as one (a stray space or point, or not a finite number). Write one number, such as 99, 99.5 or 99.5%.',
    'ingest.reject.numberRange':
      '{file} line {row}: "{value}" in column {column} is too large (more than 14 digits before the point). Check the cell for extra digits.',
    'ingest.reject.negative':
      '{file} line {row}: "{value}" in column {column} is negative; points, deduction steps and populations cannot be. Enter 0 or more; to take points off, use the deduct rule.',
    'ingest.reject.formulaLength':
      '{file} line {row}: the formula in column {column} is {length} characters long, over the limit of {max}, so the row was not loaded. Simplify it (target formulas use prev, population, + - * /, min, max and if).',
    'ingest.reject.duplicateColumn':
      '{file} line {row}: the header has two {column} columns and this row gives them different values ("{other}" and "{value}"), so the row was not loaded. Delete one of the columns or make them agree.',

    'ingest.note.encoding': 'Read as {encoding}.',
    'ingest.note.delimiterTab': 'Fields are separated by tabs.',
    'ingest.note.delimiterSemicolon': 'Fields are separated by semicolons.',
    'ingest.note.tableFromHeader': 'Recognised as the {table} table from its header.',
    'ingest.note.tableFromFileName': 'Recognised as the {table} table from its header and file name.',
    'ingest.note.tableFromContext': 'Imported as the {table} table, as chosen.',
    'ingest.note.titleLines': 'Skipped {count} title line(s) above the header: {lines}.',
    'ingest.note.notesBelow': 'Skipped {count} line(s) of notes below the table: {lines}.',
    'ingest.note.columns': 'Header mapping: {mapping}.',
    'ingest.note.ignoredColumns': 'Ignored columns that are not in the data format: {columns}.',
    'ingest.note.duplicateColumn': '"{header}" maps to {field} like an earlier column and was ignored.',
    'ingest.note.fillDown': 'Filled down {count} blank cell(s) in column {column} (merged cells).',
    'ingest.note.measure': 'Stripped the unit of measure "{measure}" from indicator {indicator}.',
    'ingest.note.measureMore': 'Stripped the unit of measure from {count} more indicator(s).',
    'ingest.note.subtotals': 'Categories carry subtotals, removed from their names: {subtotals}.',
    'ingest.note.quota': 'Indicator {indicator} states a total of {measure}; the units\' targets add up to {sum}, as stated.',
    'ingest.note.allUnits': '{count} row(s) have a blank unit or 全部 (all): they apply to every unit.',
    'ingest.note.roundDefault': '{count} row(s) name no round: they count as the year-end round (年终).',
    'ingest.note.unpivotUnitsAsColumns':
      'Unpivoted the wide table (units as columns): {units} units × {indicators} indicators, {cells} values.',
    'ingest.note.unpivotUnitsAsRows':
      'Unpivoted the wide table (units as rows): {units} units × {indicators} indicators, {cells} values.',
    'ingest.note.wideKindFromFileName': 'Imported as the {table} table, from the file name.',
    'ingest.note.wideKindFromContext': 'Imported as the {table} table, as chosen.',
    'ingest.note.yearFromFileName': 'Year taken from the file name: {year}.',
    'ingest.note.yearFromContext': 'Year as entered: {year}.',
    'ingest.note.wideBlank': '{count} blank cell(s) in the wide table hold no value and were not counted.',
    'ingest.note.categoryDropped':
      'The wide table\'s category column was not imported (the rubric carries categories): {categories}.',
    'ingest.warn.subtotalMismatch':
      'Check: category {category} states {subtotal} points, but its items add up to {sum}.',
    'ingest.warn.quotaMismatch':
      'Check: indicator {indicator} states a total of {measure}, but the units\' targets add up to {sum}.',
    'ingest.note.mergedAcross':
      'Line {row} ({indicator}) has a value under the first unit only: the source cell was merged across all units, so it was imported as every unit\'s target. If it applies to the first unit only, fill in the other units\' own targets.',
    'ingest.warn.singleValue':
      'Check: line {row} ({indicator}) has a value for the first unit ({unit}) only; the source cell may have been merged across all units. If it applies to every unit, fill it in under each unit.',
    'ingest.warn.labelOnly': 'Line {row} ({label}) holds no values and was not imported.',
    'ingest.note.mixedLineEndings': '{file} mixes CRLF, LF and CR line breaks; each was read as a line break. If the line count looks wrong, save the file again as CSV from Excel or WPS.',
    'ingest.note.repeatedHeader': '{file} line(s) {rows} repeat the header and were skipped ({count}); the rows around them were read as usual.',
    'ingest.note.placeholderBlank': '{count} cell(s) of column {column} read "--", "/", 未考核 or the like, and were taken as blank.',
    'ingest.warn.pointsTotal':
      'Check: in {file}, the non-bonus {column} add up to {sum}, not 100 (lines {first}–{last}). They are scored as written; if an item is missing or mistyped, fix it and import again.',
    'ingest.warn.pointsTotalScope':
      'Check: in {file}, the non-bonus {column} that apply to {scope} add up to {sum}, not 100 (lines {first}–{last}). They are scored as written; if an item is missing or mistyped, fix it and import again.',
    'ingest.warn.unknownRule':
      'Check: {file} line {row}: "{value}" in column {column} is not a rule (pass 达标, deduct 扣分, ratio 比例, range 区间, level 定性, manual 评估打分, bonus 加分); the item will score 0, flagged unknown_rule. Use one of these.',
    'ingest.warn.badFormula':
      'Check: {file} line {row}: the formula "{value}" in column {column} is wrong at character {position}; items using it score 0, flagged bad_formula. Fix the formula (prev/上年, population/人口, + - * /, min, max, if).',
    'ingest.warn.formulaDivZero':
      'Check: {file} line {row}: the formula "{value}" in column {column} divides by 0 and gives no target; items using it are flagged no_target. Fix the formula.',
    'ingest.warn.duplicateRow':
      'Check: {file} lines {first} and {row} are the same record ({record}), with "{used}" and "{value}": line {first}\'s "{used}" is scored and line {row} is not (a bonus item adds its lines). If line {row} is right, delete line {first}.',
    'ingest.warn.duplicateMore': 'Check: {file} has {count} more duplicate record(s).',
    'ingest.warn.unknownUnit':
      'Check: {file} line {row}: unit "{value}" in column {column} is not in the units table loaded ({count} line(s)); those lines are not scored. Check the name, or add the unit to the units table.',
    'ingest.warn.noRows': '{file}: line {row} is a header with no rows below it, so nothing was loaded. Check that the file is complete.',
    'ingest.warn.unclosedQuote': 'Check: line(s) {rows} hold a quote that is never closed; those lines were not loaded and the rest was read as usual.',
  },
};

export function msg(key: string, params?: Record<string, string | number>): Message {
  if (!(key in ingestMessages.en)) throw new Error(`ingest: no message ${key}`);
  return params === undefined ? { key } : { key, params };
}

const TABLE_ZH: Readonly<Record<TableName, string>> = {
  units: '单位表',
  rubric: '考核细则',
  targets: '目标表',
  results: '完成情况表',
  vetoes: '一票否决表',
  settings: '设置表',
};

export function tableParams(table: TableName): { table: string; tableZh: string } {
  return { table, tableZh: TABLE_ZH[table] };
}

/** `actual（完成值）`: a column's English name and its first Chinese alias. */
export function columnLabel(table: TableName, column: string): string {
  const spec = TABLES[table].columns.find((c) => c.name === column);
  const zh = spec?.aliases.find((a) => /[\u4e00-\u9fff]/.test(a));
  return zh === undefined ? column : `${column}（${zh}）`;
}

/** Up to `max` items joined with 、, then `…` with the count left out. */
export function listOf(items: readonly string[], max = 6): string {
  const shown = items.slice(0, max).join('、');
  return items.length > max ? `${shown}…（+${items.length - max}）` : shown;
}
