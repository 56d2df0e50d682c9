import { describe, expect, it } from 'vitest';
import { fill, mergeCatalogues, render } from '../../src/i18n/format';
import { appMessages } from '../../src/app/messages';

describe('message catalogue', () => {
  it('has every app key in both languages with the same placeholders', () => {
    const zh = appMessages['zh-CN'];
    const en = appMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zh)) expect(params(en[key]!), key).toEqual(params(zh[key]!));
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(fill('读取 {read} 行，{x}', { read: 3 })).toBe('读取 3 行，{x}');
  });

  it('renders in the chosen language and falls back to Chinese, then to the key', () => {
    const cat = mergeCatalogues({ 'zh-CN': { a: '甲{n}', b: '乙' }, en: { a: 'A{n}' } });
    expect(render(cat, 'en', { key: 'a', params: { n: 1 } })).toBe('A1');
    expect(render(cat, 'en', { key: 'b' })).toBe('乙');
    expect(render(cat, 'zh-CN', { key: 'missing.key' })).toBe('missing.key');
  });

  it('refuses a key defined twice', () => {
    expect(() => mergeCatalogues({ 'zh-CN': { a: '1' }, en: {} }, { 'zh-CN': { a: '2' }, en: {} })).toThrow(/twice/);
  });
});
