// Reads a PDF back as text, page by page, with poppler's pdftotext (scripts/ensure-chromium.mjs
// installs poppler-utils with the browser).
import { execFileSync } from 'node:child_process';

/** The text of each page, laid out as printed (a table row stays on one line). */
export function pdfPages(pdf: Uint8Array): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}
