// Injected into every benchmark page before the app's own scripts (page.addInitScript): watches
// the leaderboard and the progress bar from outside the app, so the app needs no benchmark code.
// Times are performance.now(): milliseconds since the navigation started.
(() => {
  const phases = [];
  const heap = { max: 0, timer: 0 };

  /** The board holds `rows` rows, and the row of `unit` shows `text` in column `cell` (1-based). */
  function boardShows(want) {
    const rows = document.querySelectorAll('[data-testid="board-row"]');
    if (rows.length !== want.rows) return false;
    if (!want.unit) return true;
    const row = [...rows].find((r) => r.getAttribute('data-unit') === want.unit);
    const cell = row && row.querySelector(`td:nth-child(${want.cell})`);
    return !!cell && cell.textContent.trim() === want.text;
  }

  /** What the app shows instead of the board: the board's own error line, or the page's error banner. */
  function shownError() {
    const el = document.querySelector('[data-testid="leaderboard"] .error, [data-testid="error"]');
    return el ? el.textContent.trim() : null;
  }

  /** Resolves with the time of the first frame after the board shows `want`; rejects when the app shows an error. */
  function whenBoard(want) {
    return new Promise((resolve, reject) => {
      let done = false;
      const check = () => {
        if (done) return;
        const error = shownError();
        if (error) {
          done = true;
          observer.disconnect();
          reject(new Error(`the app shows an error: ${error}`));
          return;
        }
        if (!boardShows(want)) return;
        done = true;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      };
      const observer = new MutationObserver(check);
      const start = () => {
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        check();
      };
      if (document.body) start();
      else document.addEventListener('DOMContentLoaded', start, { once: true });
    });
  }

  /** Records each change of the progress bar's text (importing, building tables, scoring). */
  function watchPhases() {
    let last = null;
    const note = () => {
      const bar = document.querySelector('[data-testid="progress"]');
      const text = bar ? bar.textContent.trim().replace(/\s+/g, ' ') : '';
      const key = text.replace(/[\d.]+\s*\/\s*\d+|\d+%/g, '#');
      if (key !== last) {
        last = key;
        phases.push({ t: performance.now(), text });
      }
    };
    new MutationObserver(note).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  }

  function sampleHeap() {
    const m = performance.memory;
    if (m && m.usedJSHeapSize > heap.max) heap.max = m.usedJSHeapSize;
  }

  window.__bench = {
    whenBoard,
    phases,
    startHeap() {
      heap.max = 0;
      sampleHeap();
      clearInterval(heap.timer);
      heap.timer = setInterval(sampleHeap, 50);
    },
    stopHeap() {
      sampleHeap();
      clearInterval(heap.timer);
      return heap.max;
    },
    /**
     * Arms the watch for a user's import: the moment the file input's change event fires (the
     * user picked files) to the first frame with the board showing `want`, and to the change
     * settled (the app's serial queue free again: tables built, scored, autosaved).
     */
    armImport(want) {
      phases.length = 0;
      const picked = new Promise((resolve) => {
        const onChange = (e) => {
          if (e.target instanceof HTMLInputElement && e.target.type === 'file') {
            window.removeEventListener('change', onChange, true);
            resolve(performance.now());
          }
        };
        window.addEventListener('change', onChange, true);
      });
      window.__bench.pending = Promise.all([picked, whenBoard(want)]).then(async ([t0, drawn]) => {
        await window.kaohe.load([]);
        const settled = performance.now();
        const rejected = [...document.querySelectorAll('[data-testid="report-counts"]')].reduce(
          (n, el) => n + Number(el.getAttribute('data-rejected') || 0),
          0,
        );
        return { drawn: drawn - t0, settled: settled - t0, phases: phases.map((p) => ({ t: p.t - t0, text: p.text })), rejected };
      });
    },
    pending: null,
    /** Hands files to the app (kaohe.load) and times the board drawn and the change settled (autosaved). */
    async timedLoad(want, files) {
      const given = files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }));
      phases.length = 0;
      const drawn = whenBoard(want);
      const t0 = performance.now();
      const settled = window.kaohe.load(given).then((reports) => ({ t: performance.now(), reports }));
      const [d, s] = await Promise.all([drawn, settled]);
      return {
        t0,
        drawn: d - t0,
        settled: s.t - t0,
        phases: phases.map((p) => ({ t: p.t - t0, text: p.text })),
        rejected: s.reports.reduce((n, r) => n + r.rejected.length + (r.ok ? 0 : 1), 0),
      };
    },
    /** Cold start: the demo's board drawn, and the engine answering a query. */
    coldStart: null,
  };

  const cold = window.__bench_cold;
  if (cold) {
    const engine = new Promise((resolve) => {
      const poll = () => (window.kaohe ? resolve(window.kaohe) : setTimeout(poll, 5));
      poll();
    })
      .then((k) => k.ready.then(() => k.sql('SELECT 42 AS answer')))
      .then(() => performance.now());
    window.__bench.coldStart = Promise.all([whenBoard(cold), engine]).then(([board, ready]) => {
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        board,
        ready,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        phases: phases.map((p) => ({ t: p.t, text: p.text })),
      };
    });
  }
  if (document.documentElement) watchPhases();
  else document.addEventListener('DOMContentLoaded', watchPhases, { once: true });
})();
