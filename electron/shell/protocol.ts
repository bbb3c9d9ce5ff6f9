/**
 * The renderer's own origin, `app://hookbench`, instead of `file://`: a file page anywhere on disk
 * shares the `file://` origin, while only this handler answers on `app://hookbench`, and only with
 * files inside the built renderer folder.
 */
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://hookbench`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/**
 * `scheme://host[:port]` of a URL. Node's `URL#origin` is "null" for every scheme it does not
 * know (app: included), so two unrelated pages would compare equal by it. Throws on a bad URL.
 */
export function originOf(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs,
 * `secure` makes it a secure context (clipboard, crypto), `supportFetchAPI` lets the page fetch
 * its own assets. Nothing more: no CSP bypass, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves `app://hookbench/<path>` from `rendererRoot`; everything else is refused. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const file = rendererFile(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).href);
  });
}

/**
 * The file under `rendererRoot` a request names, or null when it names none: another host,
 * a path that climbs out of the folder (`..`, including percent-encoded slashes and backslashes),
 * or a malformed escape. `/` is the page itself.
 */
export function rendererFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  let path: string;
  try {
    url = new URL(requestUrl);
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (originOf(url) !== APP_ORIGIN) return null;
  const segments = path.split(/[\\/]+/).filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\0') || segment.includes(':'))) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = rendererRoot.endsWith(sep) ? rendererRoot.slice(0, -1) : rendererRoot;
  return [root, ...segments].join(sep);
}
