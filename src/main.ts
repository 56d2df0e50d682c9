import { mount } from 'svelte';
import App from './app/App.svelte';
import { catalogue } from './app/catalogue';
import { Locale } from './app/locale.svelte';
import { WorkspaceModel } from './app/workspace.svelte';
import { installScriptingApi } from './app/scripting';
import { openBrowserDatabase } from './db/browser';
import './app/global.css';

const locale = new Locale(catalogue);
const model = new WorkspaceModel(() => openBrowserDatabase());
mount(App, { target: document.getElementById('app')!, props: { model, locale } });
installScriptingApi(model, locale, model.start());
