import { mount } from 'svelte';
import App from './app/App.svelte';
import { catalogue } from './app/catalogue';
import { Locale } from './app/locale.svelte';
import { WorkspaceModel } from './app/workspace.svelte';
import { installScriptingApi } from './app/scripting';
import { openBrowserDatabase } from './db/browser';
import { applyScoring } from './engine';
import './app/global.css';

const locale = new Locale(catalogue);
const model = new WorkspaceModel(
  () => openBrowserDatabase(),
  async (db) => (await applyScoring(db, { lang: locale.current })).statements,
);
mount(App, { target: document.getElementById('app')!, props: { model, locale } });
installScriptingApi(model, locale, model.start());
