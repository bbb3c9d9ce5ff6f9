/**
 * The e2e transport: the same contract as IPC, served over HTTP on the renderer's own origin
 * (so the page's real Content-Security-Policy still holds), with pushes as server-sent events.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import type { Core } from '../../electron/core';
import type { PushChannel, Pushes } from '../../shared/channels';

export type PushSource = (listener: <C extends PushChannel>(channel: C, payload: Pushes[C]) => void) => () => void;

const MAX_BODY = 10 * 1024 * 1024;

export function bridgePlugin(call: Core['call'], subscribe: PushSource): Plugin {
  const mount = (server: { middlewares: Connect.Server }) => {
    server.middlewares.use('/bridge/call', (request, response) => void answerCall(call, request, response));
    server.middlewares.use('/bridge/events', (request, response) => streamPushes(subscribe, request, response));
  };
  return {
    name: 'hookbench-e2e-bridge',
    // The dev server serves the renderer's source; the preview server, its production build.
    configureServer: mount,
    configurePreviewServer: mount,
  };
}

async function answerCall(call: Core['call'], request: IncomingMessage, response: ServerResponse) {
  let raw = '';
  for await (const chunk of request) {
    raw += chunk;
    if (raw.length > MAX_BODY) break;
  }
  let body: { method?: unknown; input?: unknown };
  try {
    body = JSON.parse(raw);
  } catch {
    body = {};
  }
  const envelope = await call(body.method, body.input);
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(envelope));
}

function streamPushes(subscribe: PushSource, request: IncomingMessage, response: ServerResponse) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  response.write(': connected\n\n');
  const unsubscribe = subscribe((channel, payload) => response.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`));
  request.on('close', unsubscribe);
}

/** Runs in the page before the app: `window.hookbench` over the bridge, as preload provides it over IPC. */
export const bridgeClientScript = `
(() => {
  let source;
  const events = () => (source ??= new EventSource('/bridge/events'));
  window.hookbench = {
    invoke: async (method, input) => {
      const response = await fetch('/bridge/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method, input }),
      });
      return response.json();
    },
    on: (channel, listener) => {
      const forward = (event) => listener(JSON.parse(event.data));
      events().addEventListener(channel, forward);
      return () => events().removeEventListener(channel, forward);
    },
  };
})();
`;
