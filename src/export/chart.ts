// A chart as a file (issue 6): SVG, and PNG at 2× for print, both titled. Takes what Observable
// Plot drew (its <figure> or <svg>) and makes one self-contained SVG: the title (Plot's own, or
// the one given) above the chart's svg elements, on white, with Chinese fonts named.

export const CHART_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';
const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 12;
const LEGEND_SIZE = 12;

/** About how wide a label is: CJK characters are square, the rest about half as wide. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return w;
}

export interface ChartImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute('width')) || box?.[2] || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || box?.[3] || svg.getBoundingClientRect().height;
  return { width, height };
}

/** The chart drawn in `root` as one titled SVG document's text. */
export function chartSvg(root: Element, fallbackTitle: string): ChartImage {
  const doc = root.ownerDocument;
  const parts = (root.tagName.toLowerCase() === 'svg' ? [root] : Array.from(root.querySelectorAll('svg'))).filter(
    (s) => !s.parentElement?.closest('svg'),
  ) as SVGSVGElement[];
  if (parts.length === 0) throw new Error('no chart to export');
  const title = root.querySelector('h2')?.textContent?.trim() || fallbackTitle;
  const subtitle = root.querySelector('h3')?.textContent?.trim() ?? '';

  const out = doc.createElementNS(SVG_NS, 'svg');
  let y = PAD + TITLE_SIZE;
  const text = (content: string, size: number, weight: string) => {
    const t = doc.createElementNS(SVG_NS, 'text');
    t.setAttribute('x', String(PAD));
    t.setAttribute('y', String(y));
    t.setAttribute('font-size', String(size));
    t.setAttribute('font-weight', weight);
    t.textContent = content;
    out.append(t);
  };
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', 'white');
  out.append(background);
  text(title, TITLE_SIZE, 'bold');
  if (subtitle) {
    y += SUBTITLE_SIZE + 6;
    text(subtitle, SUBTITLE_SIZE, 'normal');
  }
  y += PAD;
  let width = 0;
  // Plot's swatch legend is HTML: a row of small svgs, each followed by its label.
  const swatches = parts.filter((p) => p.parentElement !== root && p.parentElement?.className.toString().includes('-swatch'));
  if (swatches.length > 0) {
    let x = PAD;
    for (const swatch of swatches) {
      const size = sizeOf(swatch);
      const copy = swatch.cloneNode(true) as SVGSVGElement;
      copy.setAttribute('x', String(x));
      copy.setAttribute('y', String(y));
      out.append(copy);
      const label = doc.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', String(x + size.width + 4));
      label.setAttribute('y', String(y + size.height - 3));
      label.setAttribute('font-size', String(LEGEND_SIZE));
      label.textContent = swatch.parentElement?.textContent?.trim() ?? '';
      out.append(label);
      x += size.width + 4 + textWidth(label.textContent, LEGEND_SIZE) + 14;
    }
    width = x;
    y += Math.max(...swatches.map((s) => sizeOf(s).height)) + 8;
  }
  for (const part of parts.filter((p) => !swatches.includes(p))) {
    const size = sizeOf(part);
    const copy = part.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('x', String(PAD));
    copy.setAttribute('y', String(y));
    copy.setAttribute('width', String(size.width));
    copy.setAttribute('height', String(size.height));
    out.append(copy);
    y += size.height;
    width = Math.max(width, size.width);
  }
  width = Math.ceil(width + 2 * PAD);
  const height = Math.ceil(y + PAD);
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', CHART_FONT);
  const titleEl = doc.createElementNS(SVG_NS, 'title');
  titleEl.textContent = title;
  out.prepend(titleEl);
  const svg = new XMLSerializer().serializeToString(out);
  return { svg: '<?xml version="1.0" encoding="UTF-8"?>\n' + svg, width, height, title };
}

/** The chart as PNG at `scale` × its size (2 for print), drawn by the browser from the SVG. */
export async function chartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a chart's title: what a file system accepts. */
export const fileNameOf = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim() || 'chart'}.${ext}`;
