/**
 * Which web pages Hookbench hands to the system browser. A page that could call `openExternal`
 * with any URL could launch any registered handler or a lookalike site; only the hosts the app
 * itself links to are opened, over https. Anything else is refused and logged.
 */
import { shell } from 'electron';

export const LOGTO_WEBHOOK_DOCS = 'https://docs.logto.io/developers/webhooks';

/** Hosts the app links to; keep it to what the UI and menus really show. */
export const EXTERNAL_HOSTS: readonly string[] = ['docs.logto.io'];

export function isAllowedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

/** Opens an allowed link in the user's browser; says in the log why any other is not opened. */
export function openExternalLink(url: string): void {
  if (!isAllowedExternal(url)) {
    console.warn(
      `hookbench: refused to open ${JSON.stringify(url.slice(0, 200))}: only https links to ${EXTERNAL_HOSTS.join(', ')} are opened`,
    );
    return;
  }
  /* eng-disable OPEN_EXTERNAL_JS_CHECK: the URL passed isAllowedExternal just above @preserve */ void shell.openExternal(url);
}
