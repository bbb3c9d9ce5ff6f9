import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../../electron/core/delivery/request';
import { sign } from '../../electron/core/delivery/sign';
import type { Hook } from '../../shared/domain';

const hook: Hook = {
  id: 'hook-1',
  name: 'x',
  events: ['PostSignIn'],
  config: { url: 'http://localhost:3000/x', headers: {}, retries: 3 },
  signingKey: 'secret-key',
  retryBehaviour: null,
  enabled: true,
  createdAt: 0,
};

describe('signing', () => {
  it('is HMAC-SHA256 of the exact body bytes in lowercase hex, including non-ASCII', () => {
    const body = JSON.stringify({ name: 'Zoë 🚀', event: 'PostSignIn' });
    expect(sign('secret-key', body)).toBe(createHmac('sha256', 'secret-key').update(Buffer.from(body, 'utf8')).digest('hex'));
    expect(sign('secret-key', body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the body that is sent, and a re-serialised body with other spacing does not verify', () => {
    const request = prepareRequest(hook, JSON.stringify({ event: 'PostSignIn', hookId: 'hook-1' }));
    expect(request.body).toBe('{"event":"PostSignIn","hookId":"hook-1"}');
    expect(request.headers['logto-signature-sha-256']).toBe(sign('secret-key', request.body));
    expect(request.headers['content-length']).toBe(String(Buffer.byteLength(request.body)));
    const reserialised = JSON.stringify(JSON.parse(request.body), null, 2);
    expect(sign('secret-key', reserialised)).not.toBe(request.headers['logto-signature-sha-256']);
  });

  it('merges headers as ky merges Logto’s object: names as written, so User-Agent is appended and user-agent replaces', () => {
    const body = JSON.stringify({ event: 'PostSignIn' });
    const withHeaders = (headers: Record<string, string>) => prepareRequest({ ...hook, config: { ...hook.config, headers } }, body).headers;
    expect(withHeaders({ 'User-Agent': 'mine', 'X-Api-Key': 'k' })).toEqual({
      host: 'localhost:3000',
      connection: 'keep-alive',
      'logto-signature-sha-256': sign('secret-key', body),
      'user-agent': 'Logto (https://logto.io/), mine',
      'x-api-key': 'k',
      'content-type': 'application/json',
      accept: '*/*',
      'accept-language': '*',
      'sec-fetch-mode': 'cors',
      'accept-encoding': 'gzip, deflate',
      'content-length': String(body.length),
    });
    expect(withHeaders({ 'user-agent': 'mine' })['user-agent']).toBe('mine');
    expect(Object.keys(withHeaders({ 'user-agent': 'mine' }))).toEqual([
      'host',
      'connection',
      'logto-signature-sha-256',
      'user-agent',
      'content-type',
      'accept',
      'accept-language',
      'sec-fetch-mode',
      'accept-encoding',
      'content-length',
    ]);
  });

  it('sends no signature header for a hook without a key, and signs a pasted key exactly as given', () => {
    const body = JSON.stringify({ event: 'PostSignIn' });
    expect(prepareRequest({ ...hook, signingKey: '' }, body).headers).not.toHaveProperty('logto-signature-sha-256');
    const pasted = 'Ab3dEfGh1jKlMn0pQrStUvWxYz012345';
    expect(prepareRequest({ ...hook, signingKey: pasted }, body).headers['logto-signature-sha-256']).toBe(
      createHmac('sha256', pasted).update(body).digest('hex'),
    );
  });

  it('asks for br over https, as Node 22’s fetch does (not zstd, which Node 24 and undici 8 add)', () => {
    const secure = prepareRequest({ ...hook, config: { ...hook.config, url: 'https://example.com/hooks' } }, '{}');
    expect(secure.headers).toMatchObject({ host: 'example.com', 'accept-encoding': 'br, gzip, deflate' });
  });
});
