/** A message for the user: a catalogue key and its parameters, rendered in the UI language. */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** One module's part of the catalogue: the same keys in both languages; `{name}` marks a parameter. */
export type Catalogue = Readonly<Record<Lang, Readonly<Record<string, string>>>>;
