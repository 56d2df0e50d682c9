// Markdown cells to HTML through DOMPurify: no script, no event handlers, no styles or frames,
// and no remote images (a notebook opened from someone else must not call out): an image shows
// only from a data: or blob: URL.
import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import { marked } from 'marked';

const LOCAL_IMAGE = /^(data:image\/(png|jpe?g|gif|webp|avif|bmp);|blob:)/i;

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed',
    'video', 'audio', 'source', 'track', 'picture', 'link', 'meta', 'base',
  ],
  FORBID_ATTR: ['style', 'srcset', 'background', 'poster', 'action', 'formaction', 'ping', 'xlink:href'],
};

/** A renderer bound to a window (the page's, or happy-dom's in tests). */
export function markdownRenderer(window: WindowLike): (markdown: string) => string {
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (node.nodeName === 'IMG' && data.attrName === 'src') {
      if (LOCAL_IMAGE.test(data.attrValue)) data.forceKeepAttr = true;
      else data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (markdown) => purify.sanitize(marked.parse(markdown, { async: false, gfm: true }), CONFIG);
}
