/**
 * Copyable receivers that verify Logto's signature correctly, one file each, shipped as text with
 * the key placeholder. Every one runs in the test suite against real deliveries
 * (test/integration/snippets.test.ts); no untested snippet ships (Express is a dev dependency for that).
 */
import nodeExpress from './node-express.mjs?raw';
import nodeHttp from './node-http.mjs?raw';
import pythonFlask from './python-flask.py?raw';
import pythonHttpServer from './python-http-server.py?raw';

export const SNIPPET_KEY_PLACEHOLDER = "'YOUR_LOGTO_SIGNING_KEY'";

export type Snippet = {
  id: 'node-http' | 'node-express' | 'python-http-server' | 'python-flask';
  title: string;
  fileName: string;
  /** How to run it, as a shell command. */
  run: string;
  /** What it needs besides the language itself. */
  needs: string | null;
  code: string;
};

const SNIPPETS: Snippet[] = [
  {
    id: 'node-http',
    title: 'Node.js (http, no dependencies)',
    fileName: 'logto-webhook.mjs',
    run: 'node logto-webhook.mjs',
    needs: null,
    code: nodeHttp,
  },
  {
    id: 'node-express',
    title: 'Node.js (Express)',
    fileName: 'logto-webhook-express.mjs',
    run: 'node logto-webhook-express.mjs',
    needs: 'express',
    code: nodeExpress,
  },
  {
    id: 'python-http-server',
    title: 'Python (standard library http.server)',
    fileName: 'logto_webhook.py',
    run: 'python3 logto_webhook.py',
    needs: null,
    code: pythonHttpServer,
  },
  {
    id: 'python-flask',
    title: 'Python (Flask)',
    fileName: 'logto_webhook_flask.py',
    run: 'python3 logto_webhook_flask.py',
    needs: 'flask',
    code: pythonFlask,
  },
];

/**
 * The snippets with this key written in, as a string literal valid in both JavaScript and Python
 * (a JSON string). A hook without a key gets the placeholder back, to fill in once it has one.
 */
export function snippetsFor(signingKey: string): Snippet[] {
  if (signingKey === '') return SNIPPETS.map((snippet) => ({ ...snippet }));
  return SNIPPETS.map((snippet) => ({ ...snippet, code: snippet.code.replace(SNIPPET_KEY_PLACEHOLDER, JSON.stringify(signingKey)) }));
}
