import { mount } from 'svelte';
import App from './app/App.svelte';
import { catalogue } from './app/catalogue';
import { Locale } from './app/locale.svelte';
import { WorkspaceModel } from './app/workspace.svelte';
import { installScriptingApi } from './app/scripting';
import { openBrowserDatabase, useEmbeddedEngine } from './db/browser';
import { embeddedEngine, embeddedWorkspace, shareOptions } from './share/embedded';
import { applyScoring } from './engine';
import './app/global.css';

// A single-file page (src/share) brings its own DuckDB, workspace and language.
useEmbeddedEngine(embeddedEngine());
const locale = new Locale(catalogue);
const shared = shareOptions();
if (shared.lang) locale.current = shared.lang;
const model = new WorkspaceModel(
  (onCrash) => openBrowserDatabase(undefined, onCrash),
  async (db) => (await applyScoring(db, { lang: locale.current })).statements,
);
mount(App, { target: document.getElementById('app')!, props: { model, locale } });
installScriptingApi(model, locale, model.start(embeddedWorkspace()));
