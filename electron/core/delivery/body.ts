/**
 * Reads a response body as Logto's fetch does (content codings undone, as undici 6
 * `lib/web/fetch/index.js` `onHeaders` does it), keeping the first bytes for the log.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { WireError } from './failures';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** fetch refuses more codings than this (its guard against decompression chains). */
const MAX_CODINGS = 5;

export type ReadBody = { text: string; truncated: boolean };

/**
 * Takes a response body chunk by chunk as undici hands it over, decodes it, and keeps the first
 * `cap` bytes. Past the cap the rest is still read, as Logto reads it, but dropped: memory stays
 * bounded. A decoding failure is told to `onError` at once, so the exchange can be stopped.
 */
export class BodySink {
  readonly #cap: number;
  readonly #chunks: Uint8Array[] = [];
  #kept = 0;
  #truncated = false;
  readonly #decoders: Transform[];
  #decoded: Promise<void> | null = null;

  /** Throws a WireError when fetch itself would refuse the body's codings. */
  constructor(statusCode: number, headers: IncomingHttpHeaders, cap: number, onError: (error: Error) => void) {
    this.#cap = cap;
    this.#decoders = NULL_BODY_STATUSES.has(statusCode) ? [] : decodersFor(headers['content-encoding']);
    if (this.#decoders.length === 0) return;
    const last = this.#decoders.at(-1)!;
    for (const [index, decoder] of this.#decoders.entries()) {
      decoder.on('error', onError);
      const next = this.#decoders[index + 1];
      if (next) decoder.pipe(next);
    }
    last.on('data', (chunk: Buffer) => this.#keep(chunk));
    this.#decoded = new Promise((resolve, reject) => {
      last.on('end', resolve);
      for (const decoder of this.#decoders) decoder.on('error', reject);
    });
    this.#decoded.catch(() => {
      // Told through onError; the exchange rejects with it.
    });
  }

  write(chunk: Uint8Array): void {
    if (this.#decoders.length === 0) this.#keep(chunk);
    else this.#decoders[0]!.write(chunk);
  }

  /** The kept text once the last byte is in (and decoded). */
  async end(): Promise<ReadBody> {
    if (this.#decoded) {
      this.#decoders[0]!.end();
      await this.#decoded;
    }
    const bytes = this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks);
    return { text: new TextDecoder().decode(bytes), truncated: this.#truncated };
  }

  /** Stops decoding when the body will not be finished. */
  discard(): void {
    for (const decoder of this.#decoders) decoder.destroy();
  }

  #keep(chunk: Uint8Array): void {
    const room = this.#cap - this.#kept;
    if (chunk.byteLength > room) this.#truncated = true;
    if (room <= 0) return;
    const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
    this.#chunks.push(part);
    this.#kept += part.byteLength;
  }
}

/** Decoders in the order they apply (the last coding listed is undone first); none when one is unknown. */
function decodersFor(header: string | string[] | undefined): Transform[] {
  if (header === undefined) return [];
  const codings = (Array.isArray(header) ? header.join(',') : header).toLowerCase().split(',');
  if (codings.length > MAX_CODINGS)
    throw new WireError(`The response has ${codings.length} content-encodings; fetch refuses more than ${MAX_CODINGS}.`);
  const decoders: Transform[] = [];
  for (const coding of codings.reverse().map((name) => name.trim())) {
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoders.push(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    } else if (coding === 'deflate') {
      decoders.push(inflateEither());
    } else if (coding === 'br') {
      decoders.push(
        zlib.createBrotliDecompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH }),
      );
    } else {
      // fetch hands over the bytes as they came when it does not know a coding.
      return [];
    }
  }
  return decoders;
}

/** "deflate" as fetch reads it: zlib-wrapped when the first byte says so, else raw deflate. */
function inflateEither(): Transform {
  const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let inner: zlib.Inflate | zlib.InflateRaw | null = null;
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        if (chunk.length === 0) return done();
        inner = (chunk[0]! & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
        inner.on('data', (data) => outer.push(data));
        inner.on('error', (error) => outer.destroy(error));
      }
      inner.write(chunk, done);
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
  });
  return outer;
}
