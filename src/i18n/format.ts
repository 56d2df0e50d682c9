import type { Catalogue, Lang, Message } from './types';

/** Fills `{name}` placeholders; an unknown placeholder is left as written so a gap is visible. */
export function fill(template: string, params: Message['params']): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Merges module catalogues; a key defined twice is a programming error. */
export function mergeCatalogues(...parts: Catalogue[]): Catalogue {
  const out: Record<Lang, Record<string, string>> = { 'zh-CN': {}, en: {} };
  for (const part of parts) {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const [key, text] of Object.entries(part[lang])) {
        if (Object.hasOwn(out[lang], key)) throw new Error(`message key defined twice: ${key}`);
        out[lang][key] = text;
      }
    }
  }
  return out;
}

export function render(catalogue: Catalogue, lang: Lang, message: Message): string {
  const template = catalogue[lang][message.key] ?? catalogue['zh-CN'][message.key] ?? message.key;
  return fill(template, message.params);
}
