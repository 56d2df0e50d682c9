// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { markdownRenderer } from '../../../src/app/notebook/markdown/render';

// happy-dom 21 defines nodeName/nodeType on each subclass and a base getter on Node.prototype
// that answers '' for elements; DOMPurify reads them through Node.prototype, as browsers allow.
// Make the base getters answer as the subclass does, so DOMPurify sees real tag names here too.
for (const prop of ['nodeName', 'nodeType'] as const) {
  const base = Object.getOwnPropertyDescriptor(window.Node.prototype, prop)!;
  Object.defineProperty(window.Node.prototype, prop, {
    configurable: true,
    get(this: Node) {
      for (let p = Object.getPrototypeOf(this); p && p !== window.Node.prototype; p = Object.getPrototypeOf(p)) {
        const own = Object.getOwnPropertyDescriptor(p, prop);
        if (own?.get) return own.get.call(this);
      }
      return base.get!.call(this);
    },
  });
}

const render = markdownRenderer(window);
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// [markdown, what must not be in the HTML, what must be]
const CASES: [string, string, RegExp | null, RegExp | null][] = [
  ['headings and tables', '## 排行榜\n\n| a | b |\n|---|---|\n| 1 | 2 |', null, /<h2>排行榜<\/h2>[\s\S]*<table>/],
  ['script', 'hi <script>alert(1)</script>', /<script/i, /hi/],
  ['event handler', '<img src="x" onerror="alert(1)">', /onerror/i, null],
  ['remote image', '![logo](https://example.com/logo.png)', /example\.com/, /<img/],
  ['protocol-relative image', '<img src="//example.com/t.gif">', /example\.com/, null],
  ['data image', `![dot](${PIXEL})`, null, /src="data:image\/png/],
  ['blob image', '![b](blob:http://127.0.0.1/0b8a)', null, /src="blob:/],
  ['javascript link', '[x](javascript:alert(1))', /javascript:/i, null],
  ['link opens apart', '[gov](https://www.gov.cn)', null, /rel="noopener noreferrer"/],
  ['iframe', '<iframe src="https://example.com"></iframe>', /iframe/i, null],
  ['style element', '<style>body{display:none}</style>\n\nok', /style|display/i, /ok/],
  ['style attribute', '<p style="background:url(https://e.com/x)">t</p>', /style|e\.com/i, /<p>t<\/p>/],
  ['svg', '<svg><image href="https://e.com/x.png"/></svg>', /svg|e\.com/i, null],
  ['form', '<form action="https://e.com">f</form>', /form|e\.com/i, null],
  ['input', 'a <input name=a> b', /input/i, null],
];

describe('markdown cells are sanitised', () => {
  for (const [name, md, absent, present] of CASES) {
    it(name, () => {
      const html = render(md);
      if (absent) expect(html).not.toMatch(absent);
      if (present) expect(html).toMatch(present);
    });
  }
});
