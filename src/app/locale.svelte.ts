import { render } from '../i18n/format';
import type { Catalogue, Lang, Message } from '../i18n/types';

const STORAGE_KEY = 'kaohe.lang';

function initialLang(): Lang {
  const url = new URLSearchParams(location.search).get('lang');
  if (url === 'en' || url === 'zh-CN') return url;
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage unavailable (private mode): Chinese first
  }
  return 'zh-CN';
}

/** The UI language, switchable at run time; every string goes through `t`. */
export class Locale {
  #lang = $state<Lang>(initialLang());
  readonly #catalogue: Catalogue;

  constructor(catalogue: Catalogue) {
    this.#catalogue = catalogue;
    document.documentElement.lang = this.#lang;
  }

  get current(): Lang {
    return this.#lang;
  }

  set current(lang: Lang) {
    this.#lang = lang;
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // the choice just isn't remembered
    }
  }

  t = (key: string, params?: Message['params']): string =>
    render(this.#catalogue, this.#lang, params ? { key, params } : { key });

  msg = (m: Message): string => render(this.#catalogue, this.#lang, m);
}
