// The ingest API's types: what importFile takes and what it hands to the db layer and the UI.
import type { Message } from '../i18n/types';
import type { TableName } from '../schema/tables';

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportContext {
  /** Unit names already loaded (normalised): they help orient wide tables. */
  knownUnits?: readonly string[];
  knownIndicators?: readonly string[];
  /** The user's answer when the table could not be told. */
  table?: TableName;
  /** The user's answer for a wide file with no year. */
  year?: number;
  /** The user's answer for a wide file with no keyword in its name. */
  wideKind?: 'targets' | 'results';
}

export interface Rejection {
  /** 1-based line in the file where the record starts. */
  row: number;
  /** The header text of the offending column as in the file (normalised like a name), or null. */
  column: string | null;
  reason: Message;
  value?: string;
}

export type Need = 'table' | 'year' | 'wideKind';

export interface ImportResult {
  file: string;
  /** False: the file failed as a whole and nothing of it loads. */
  ok: boolean;
  error?: Message;
  /** Set when !ok only because the user must answer; call again with the answers in ctx. */
  needs?: Need[];
  table?: TableName;
  /** 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be', or 'binary' for a file that is not text. */
  encoding: string;
  delimiter: string;
  shape: 'long' | 'wide';
  /** What ingest did, for the user; keys under ingest.warn. ask for a check. */
  notes: Message[];
  /** Canonical column names of the table, in contract order; absent optional ones are all null. */
  columns: string[];
  data: Record<string, (string | null)[]>;
  /** Per loaded row: the 1-based line in the file where its record is. */
  sourceRows: number[];
  read: number;
  loaded: number;
  rejected: Rejection[];
}
