import type { PushChannel, Pushes } from '../../shared/channels';
import type { Notice } from '../../shared/domain';

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

/** How a part of the core reports something the user must know. */
export type Report = (notice: Notice) => void;

/**
 * The one place a notice goes: kept, so a window that opens later still sees it (`app.notices`),
 * and pushed at once, so a window already open is told while it runs.
 */
export class NoticeBoard {
  readonly #posted: Notice[] = [];
  readonly #pushes: PushHub;

  constructor(pushes: PushHub) {
    this.#pushes = pushes;
  }

  post: Report = (notice) => {
    if (this.#posted.some((posted) => posted.id === notice.id)) return;
    this.#posted.push(notice);
    this.#pushes.emit('notice', notice);
  };

  list(): Notice[] {
    return [...this.#posted];
  }
}
