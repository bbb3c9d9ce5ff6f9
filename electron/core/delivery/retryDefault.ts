import { type RetryBehaviour, retryBehaviours } from '../../../shared/domain';

const SETTING = 'retryBehaviour';

type SettingsStore = { getSetting(key: string): string | null; setSetting(key: string, value: string): void };

/**
 * The app-wide retry behaviour, for hooks that follow it. Kept in the log's settings and held in
 * memory, since every delivery asks for it.
 */
export class RetryDefault {
  readonly #store: SettingsStore;
  #value: RetryBehaviour;

  constructor(store: SettingsStore) {
    this.#store = store;
    const stored = store.getSetting(SETTING);
    this.#value = retryBehaviours.find((behaviour) => behaviour === stored) ?? 'retry-5xx';
  }

  get value(): RetryBehaviour {
    return this.#value;
  }

  set value(behaviour: RetryBehaviour) {
    this.#store.setSetting(SETTING, behaviour);
    this.#value = behaviour;
  }
}
