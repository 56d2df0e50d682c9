import { toRows, type Row } from '../db/rows';
import { render } from '../i18n/format';
import { newScenarioId, withScenario, scenarioProblems, SCENARIO_SCHEMA, type Override } from '../scenarios';
import { catalogue } from './catalogue';
import { putScenarioInUrl } from './scenarios/url';
import { exportHtml } from '../share/export';
import type { ImportReport } from '../workspace/document';
import type { Locale } from './locale.svelte';
import type { WorkspaceModel } from './workspace.svelte';

/** The console API (README "Scripting"): for analysts who use the browser console, and for tests. */
export interface KaoheApi {
  /** Resolves once the workspace is open (or failed to open). */
  readonly ready: Promise<void>;
  /** Runs SQL and returns rows as plain objects (numbers, strings, booleans, null). */
  sql(text: string): Promise<Row[]>;
  /** Imports `File`s or `{name, bytes}` objects and returns one import report per file. */
  load(files: readonly (File | { name: string; bytes: Uint8Array | ArrayBuffer })[]): Promise<ImportReport[]>;
  /**
   * Creates the scenario `name`, or replaces its overrides, makes it the active one and returns
   * its totals (docs/scenarios.md lists the overrides). Invalid overrides throw, saying why.
   */
  scenario(name: string, overrides: readonly Override[]): Promise<Row[]>;
  /** Resolves when every change asked for so far (import, clear, demo, scenario) is scored and saved. */
  settled(): Promise<void>;
  /** The workspace as one .html file that opens offline (issue 6), as a Blob. */
  exportHtml(options?: { readOnly?: boolean }): Promise<Blob>;
  /** The UI language: 'zh-CN' or 'en'. */
  lang: string;
}

declare global {
  interface Window {
    kaohe: KaoheApi;
  }
}

export function installScriptingApi(model: WorkspaceModel, locale: Locale, ready: Promise<void>): void {
  window.kaohe = {
    ready,
    sql: (text) => model.sql(text),
    settled: () => model.settled(),
    async load(files) {
      const inputs = await Promise.all(
        files.map(async (f) =>
          f instanceof File
            ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }
            : { name: f.name, bytes: f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(f.bytes) },
        ),
      );
      return model.importFiles(inputs);
    },
    async scenario(name, overrides) {
      await ready;
      const list = model.doc.scenarios ?? [];
      const existing = list.find((s) => s.name === name);
      const scenario = { id: existing?.id ?? newScenarioId(), name, note: existing?.note ?? '', overrides: [...overrides] };
      const problems = scenarioProblems(scenario, list);
      if (problems.length > 0) throw new Error(problems.map((m) => render(catalogue, locale.current, m)).join('\n'));
      putScenarioInUrl(scenario.id);
      await model.setScenarios(existing ? list.map((s) => (s.id === scenario.id ? scenario : s)) : [...list, scenario], scenario.id);
      const db = model.db;
      return withScenario(db, scenario, { lang: locale.current, stamp: `${model.version}|${locale.current}` }, async () =>
        toRows(await db.query(`SELECT * FROM ${SCENARIO_SCHEMA}.totals ORDER BY year, rank, unit_ord`)),
      );
    },
    async exportHtml(options = {}) {
      await ready;
      return exportHtml(model.doc, { readOnly: options.readOnly === true, lang: locale.current });
    },
    get lang() {
      return locale.current;
    },
    set lang(v: string) {
      if (v === 'en' || v === 'zh-CN') locale.current = v;
    },
  };
}
