// What a notebook view says it shows: the base, a scenario (and when it plans, that these are not
// assessment results), or the difference.
import type { Message } from '../../i18n/types';
import type { View } from '../../notebook/variant';
import { planOf, type Scenario } from '../../scenarios';

export function viewMessages(view: View, scenario: Scenario | null): Message[] {
  if (view === 'base' || !scenario) return [{ key: 'nb.view.shows_base' }];
  const out: Message[] = [{ key: view === 'diff' ? 'nb.view.shows_diff' : 'nb.view.shows_scenario', params: { name: scenario.name } }];
  const plan = planOf(scenario);
  if (plan) out.push({ key: 'nb.view.plan', params: { year: plan.year, from: plan.from } });
  return out;
}
