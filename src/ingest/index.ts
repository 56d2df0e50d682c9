// The ingest layer: CSV files as they come out of Excel and WPS, into the canonical long tables.
export { importFile } from './import';
export { reportToCsv, type ReportOptions } from './report';
export { ingestMessages } from './messages';
export { normaliseName, splitIndicator } from './normalise';
export { parseValue, type Value } from './values';
export { decode, type Encoding } from './decode';
export type { ImportContext, ImportFile, ImportResult, Need, Rejection } from './types';
