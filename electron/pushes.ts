import type { PushChannel, Pushes } from '../shared/channels';

export type PushListener = <C extends PushChannel>(channel: C, payload: Pushes[C]) => void;

/** Fans pushes from the core out to whoever shows them: the window in the app, SSE in e2e. */
export class PushHub {
  readonly #listeners = new Set<PushListener>();

  subscribe = (listener: PushListener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  emit<C extends PushChannel>(channel: C, payload: Pushes[C]): void {
    for (const listener of this.#listeners) listener(channel, payload);
  }
}
