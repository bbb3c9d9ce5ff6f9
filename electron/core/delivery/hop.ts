/**
 * One request and its response, straight on undici's dispatcher: the response headers first,
 * then the body handed chunk by chunk to a BodySink. `undici.request` would wrap the same calls
 * in an abort signal listener and a stream per response; going without them is most of what
 * keeps Hookbench's sending as cheap as a bare request (bench/delivery).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { BodySink, type ReadBody } from './body';

export type HopResponse = { statusCode: number; headers: IncomingHttpHeaders };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Where a response sends fetch next, when it is a redirect fetch follows. */
export function redirectLocation({ statusCode, headers }: HopResponse): string | undefined {
  if (!REDIRECTS.has(statusCode)) return undefined;
  return Array.isArray(headers.location) ? headers.location[0] : headers.location;
}

type Pending<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void };

function pending<T>(): Pending<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Whoever awaits it still sees the rejection; one nobody came to await is not an unhandled error.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export class Hop implements Dispatcher.DispatchHandler {
  readonly #cap: number;
  readonly #head = pending<HopResponse>();
  readonly #body = pending<ReadBody>();
  #controller: Dispatcher.DispatchController | null = null;
  #stoppedWith: Error | null = null;
  #sink: BodySink | null = null;

  /** Sends the request; `cap` is how many decoded body bytes to keep. */
  constructor(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, cap: number) {
    this.#cap = cap;
    try {
      dispatcher.dispatch(options, this);
    } catch (error) {
      this.#fail(error as Error);
    }
  }

  /** The final response's status and headers (informational 1xx responses are skipped, as fetch does). */
  response(): Promise<HopResponse> {
    return this.#head.promise;
  }

  /** The body, decoded and capped, once it has all arrived. */
  body(): Promise<ReadBody> {
    return this.#body.promise;
  }

  /** Stops the exchange where it is; what is waited for rejects with `reason` at once. */
  stop(reason: Error): void {
    this.#stoppedWith ??= reason;
    if (this.#controller) this.#controller.abort(reason);
    else this.#fail(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    // Stopped while it waited for a connection: it must not go out now.
    if (this.#stoppedWith) controller.abort(this.#stoppedWith);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200) return;
    try {
      // A redirect's body only has to be read past; fetch never decodes it.
      this.#sink =
        redirectLocation({ statusCode, headers }) === undefined
          ? new BodySink(statusCode, headers, this.#cap, (error) => controller.abort(error))
          : new BodySink(statusCode, {}, 0, () => {});
    } catch (error) {
      controller.abort(error as Error);
      return;
    }
    this.#head.resolve({ statusCode, headers });
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#sink?.write(chunk);
  }

  onResponseEnd(): void {
    this.#sink!.end().then(this.#body.resolve, this.#body.reject);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#fail(error);
  }

  #fail(error: Error): void {
    this.#sink?.discard();
    this.#head.reject(error);
    this.#body.reject(error);
  }
}
