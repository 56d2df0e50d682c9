// Before the browser tests: make sure Debian's chromium and a CJK font are here (issue 2).
// As root with apt-get, install them; otherwise stop with the one command that would.
import { execFileSync } from 'node:child_process';
import { findChromium, hasCjkFont } from './chromium.mjs';

const INSTALL = 'sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk poppler-utils';
const missing = [];
if (!findChromium()) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-noto-cjk');
// pdftotext reads the printed reports' PDFs back (tests/browser/export.test.ts, issue 6).
try {
  execFileSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'ignore' });
} catch {
  missing.push('poppler-utils');
}

if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  let hasApt = false;
  try {
    execFileSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (!isRoot || !hasApt) {
    console.error(`Browser tests need ${missing.join(' and ')}. Install with:\n  ${INSTALL}\n(or set CHROMIUM_PATH to a Chromium binary)`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'inherit', env });
  if (!findChromium()) {
    console.error('chromium is still not found after installing it.');
    process.exit(1);
  }
}
