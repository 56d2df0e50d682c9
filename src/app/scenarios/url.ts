// The active scenario in the address (`?scenario=<id>`), so a link reopens it.
const PARAM = 'scenario';

export function scenarioFromUrl(): string | null {
  return new URLSearchParams(location.search).get(PARAM);
}

export function putScenarioInUrl(id: string | null): void {
  const url = new URL(location.href);
  if (id) url.searchParams.set(PARAM, id);
  else url.searchParams.delete(PARAM);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
