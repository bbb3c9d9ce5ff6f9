/**
 * Reads a response body as Logto's fetch does (content codings undone, as undici 6
 * `lib/web/fetch/index.js` `onHeaders` does it), keeping the first bytes for the log.
 */
import { pipeline, Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { WireError } from './failures';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** fetch refuses more codings than this (its guard against decompression chains). */
const MAX_CODINGS = 5;

export async function readBody(response: Dispatcher.ResponseData, cap: number): Promise<{ text: string; truncated: boolean }> {
  const decoders = NULL_BODY_STATUSES.has(response.statusCode) ? [] : decodersFor(response.headers['content-encoding']);
  // Most receivers answer a few bytes with a length: read those whole, without a stream iterator.
  if (decoders.length === 0 && Number(response.headers['content-length'] ?? Number.NaN) <= cap) {
    return { text: await response.body.text(), truncated: false };
  }
  const source: AsyncIterable<Uint8Array> =
    decoders.length === 0
      ? response.body
      : pipeline(response.body, ...(decoders as [zlib.Gunzip]), () => {
          // Errors surface through the iteration below.
        });
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let truncated = false;
  // Past the cap the rest is still read, as Logto reads it, but dropped: memory stays bounded.
  for await (const chunk of source) {
    const room = cap - kept;
    if (chunk.byteLength > room) truncated = true;
    if (room > 0) {
      const part = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      chunks.push(part);
      kept += part.byteLength;
    }
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  return { text: new TextDecoder().decode(bytes), truncated };
}

/** Decoders in the order they apply (the last coding listed is undone first); none when one is unknown. */
function decodersFor(header: string | string[] | undefined): NodeJS.ReadWriteStream[] {
  if (header === undefined) return [];
  const codings = (Array.isArray(header) ? header.join(',') : header).toLowerCase().split(',');
  if (codings.length > MAX_CODINGS)
    throw new WireError(`The response has ${codings.length} content-encodings; fetch refuses more than ${MAX_CODINGS}.`);
  const decoders: NodeJS.ReadWriteStream[] = [];
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
function inflateEither(): NodeJS.ReadWriteStream {
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
