/**
 * The few web-standard globals shared/ uses: Node and the browser both provide them, so shared/
 * may rely on them while having neither the DOM's nor Node's type library.
 */
declare class URL {
  constructor(input: string, base?: string | URL);
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
  readonly username: string;
  readonly password: string;
  readonly searchParams: URLSearchParams;
}

declare class URLSearchParams implements Iterable<[string, string]> {
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
