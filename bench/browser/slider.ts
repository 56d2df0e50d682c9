// The what-if slider dragged in the page (issue 5): each position set on the range input with an
// input event, as a drag does, and timed in the page from that event to the end of the first
// frame that shows the position's totals in the compare (its rendering done). Positions are visited one at a time (a real drag
// coalesces the ones it outruns), so each time is one step's latency.
import type { Page } from 'playwright-core';

export interface SliderStep {
  /** Input event → the frame after the compare showed this position, painted. */
  readonly ms: number;
  /** The panel's own figure: overrides → scores → compare rows back in the page. */
  readonly engineMs: number;
}

/** A drag to and fro below zero, in steps of the slider: 2 steps down, 3, 4, 5, 4, … */
export const DRAG = [-2, -3, -4, -5, -4, -3, -2, -1, -2, -3, -4, -5, -6, -5, -4, -3, -2, -3, -4, -5, -4] as const;

/** Opens the slider on `indicator` in the active scenario and drags it over `steps` (in steps of the slider). */
export async function dragSlider(page: Page, indicator: string, steps: readonly number[] = DRAG): Promise<SliderStep[]> {
  await page.getByTestId('slider-indicator').selectOption(indicator);
  // Runs in the page as written: a string, so no bundler helper is wrapped around it.
  return page.evaluate(`(async (steps) => {
    const slider = document.querySelector('[data-testid=slider]');
    const compare = () => document.querySelector('[data-testid=compare]');
    const out = [];
    for (const k of steps) {
      const before = compare()?.getAttribute('data-stamp');
      const t0 = performance.now();
      slider.value = String(k * Number(slider.step));
      // The input keeps the value to its step and range: what it holds is what the panel scores.
      const v = Number(slider.value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const error = document.querySelector('[data-testid=scenario-error]');
        if (error) throw new Error(error.textContent);
        const el = compare();
        if (el && el.getAttribute('data-stamp') !== before && (el.getAttribute('data-overrides') ?? '').includes('"delta":' + v + '}')) break;
      }
      // Seen in this frame's animation callbacks, before its style, layout and paint: a task
      // queued now runs once the frame is painted (waiting for another frame would add 16.7 ms).
      await new Promise((r) => setTimeout(r, 0));
      out.push({ ms: performance.now() - t0, engineMs: Number(compare().getAttribute('data-ms')) });
    }
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    return out;
  })(${JSON.stringify(steps)})`);
}
