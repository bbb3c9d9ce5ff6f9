import type { HealthSummary, Hook } from '../../../shared/domain';

export const hookSorts = ['name', 'last-delivery', 'success-rate'] as const;
export type HookSort = (typeof hookSorts)[number];

export const hookSortLabel: Record<HookSort, string> = {
  name: 'Name',
  'last-delivery': 'Last delivery, newest first',
  'success-rate': 'Success rate, lowest first',
};

const byName = (a: Hook, b: Hook) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/**
 * The hooks to list: those whose name or URL holds the search (any case), in the chosen order. Hooks
 * with nothing to sort by (never delivered, no requests) go last, by name, in every order.
 */
export function arrangeHooks(hooks: Hook[], health: Record<string, HealthSummary>, search: string, sort: HookSort): Hook[] {
  const needle = search.trim().toLowerCase();
  const found = needle
    ? hooks.filter((hook) => hook.name.toLowerCase().includes(needle) || hook.config.url.toLowerCase().includes(needle))
    : hooks;
  if (sort === 'name') return [...found].sort(byName);
  const key = (hook: Hook): number | null => {
    const summary = health[hook.id];
    if (sort === 'last-delivery') return summary?.lastDeliveryAt == null ? null : -summary.lastDeliveryAt;
    return summary?.successRate ?? null;
  };
  return [...found].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    if (ka === null || kb === null) return ka === kb ? byName(a, b) : ka === null ? 1 : -1;
    return ka - kb || byName(a, b);
  });
}
