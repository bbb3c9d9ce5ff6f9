import { describe, expect, it } from 'vitest';
import { arrangeHooks } from '../../renderer/screens/HookList/arrange';
import type { HealthSummary, Hook } from '../../shared/domain';

const hook = (id: string, name: string, url: string): Hook => ({
  id,
  name,
  events: ['PostSignIn'],
  config: { url, headers: {}, retries: 3 },
  signingKey: 'k',
  retryBehaviour: null,
  enabled: true,
  createdAt: 0,
});
const hooks = [
  hook('a', 'billing', 'http://localhost:1/pay'),
  hook('b', 'Audit', 'http://localhost:2/log'),
  hook('c', 'CRM', 'http://crm.test/x'),
];
const health: Record<string, HealthSummary> = {
  a: { hookId: 'a', total: 10, succeeded: 9, successRate: 0.9, lastDeliveryAt: 100 },
  c: { hookId: 'c', total: 4, succeeded: 1, successRate: 0.25, lastDeliveryAt: 300 },
};
const names = (list: Hook[]) => list.map((each) => each.name);

describe('the hook list’s search and sort', () => {
  it('finds by name or URL in any case', () => {
    expect(names(arrangeHooks(hooks, health, 'crm', 'name'))).toEqual(['CRM']);
    expect(names(arrangeHooks(hooks, health, ' LOCALHOST:2 ', 'name'))).toEqual(['Audit']);
    expect(arrangeHooks(hooks, health, 'nothing like it', 'name')).toEqual([]);
  });

  it('sorts by name, by newest delivery, by lowest success rate, with hooks that have none last', () => {
    expect(names(arrangeHooks(hooks, health, '', 'name'))).toEqual(['Audit', 'billing', 'CRM']);
    expect(names(arrangeHooks(hooks, health, '', 'last-delivery'))).toEqual(['CRM', 'billing', 'Audit']);
    expect(names(arrangeHooks(hooks, health, '', 'success-rate'))).toEqual(['CRM', 'billing', 'Audit']);
    expect(names(arrangeHooks(hooks, {}, '', 'success-rate'))).toEqual(['Audit', 'billing', 'CRM']);
  });
});
