// The scenario the page shows now, with the change being dragged, shared by the views that read
// it (the scenario panel scores it; the notebook shows it). One per workspace.
import type { Scenario } from '../../scenarios';
import type { WorkspaceModel } from '../workspace.svelte';

export class LiveScenario {
  #current = $state.raw<Scenario | null>(null);
  #stamp = $state(0);

  /** The scenario last scored, draft included (null: none). */
  get current(): Scenario | null { return this.#current; }
  /** Moves after every re-score: what shows the scenario reads it again. */
  get stamp(): number { return this.#stamp; }

  scored(s: Scenario | null): void {
    this.#current = s;
    this.#stamp++;
  }
}

const live = new WeakMap<WorkspaceModel, LiveScenario>();

export function liveScenario(model: WorkspaceModel): LiveScenario {
  let l = live.get(model);
  if (!l) live.set(model, (l = new LiveScenario()));
  return l;
}
