import type { PushChannel, Pushes } from '../../shared/channels';
import type { DeliverySummary } from '../../shared/domain';
import type { Core } from '../core';
import type { Context } from './context';
import type { OutStream } from './output';

const CLEAR_LINE = '\r\x1b[2K';

/** One status line on stderr, rewritten in place; silent unless stderr is a terminal. */
export class Progress {
  readonly #stream: OutStream;
  #shown = false;

  constructor(stream: OutStream) {
    this.#stream = stream;
  }

  show(text: string): void {
    if (!this.#stream.isTTY) return;
    this.#stream.write(`${CLEAR_LINE}${text}`);
    this.#shown = true;
  }

  done(): void {
    if (this.#shown) this.#stream.write(CLEAR_LINE);
    this.#shown = false;
  }

  /** Shows a line for each push on `channel` until the answer is called, which also clears it. */
  follow<Wanted extends PushChannel>(
    core: Pick<Core, 'subscribe'>,
    channel: Wanted,
    line: (payload: Pushes[Wanted]) => string,
  ): () => void {
    const stop = core.subscribe((pushed: PushChannel, payload: unknown) => {
      if (pushed === channel) this.show(line(payload as Pushes[Wanted]));
    });
    return () => {
      stop();
      this.done();
    };
  }
}

/**
 * Starts deliveries and waits until all have finished, counting them on stderr from the core's
 * `delivery.updated` pushes ("3 of 5 finished…"). Answers the deliveries as started.
 */
export async function deliverAndWait(context: Context, start: () => Promise<DeliverySummary[]>): Promise<DeliverySummary[]> {
  const progress = new Progress(context.out.stderr);
  const finished = new Set<string>();
  let started: Set<string> | null = null;
  const report = () => {
    if (started) progress.show(`${[...started].filter((id) => finished.has(id)).length} of ${started.size} finished…`);
  };
  const stop = context.core.subscribe((channel, payload) => {
    if (channel !== 'delivery.updated') return;
    const summary = payload as DeliverySummary;
    if (summary.outcome === 'in_flight') return;
    finished.add(summary.id);
    report();
  });
  try {
    const deliveries = await start();
    started = new Set(deliveries.map((delivery) => delivery.id));
    if (started.size > 0) report();
    await context.core.settled();
    return deliveries;
  } finally {
    stop();
    progress.done();
  }
}
