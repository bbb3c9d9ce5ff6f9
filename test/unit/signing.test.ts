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
  enabled: true,
  createdAt: 0,
  retryBehaviour: null,
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

  it('merges headers as Logto does: user-agent < custom < signature', () => {
    const custom = { ...hook, config: { ...hook.config, headers: { 'User-Agent': 'mine', 'x-api-key': 'k' } } };
    const { headers } = prepareRequest(custom, JSON.stringify({ event: 'PostSignIn' }));
    expect(headers).toMatchObject({ 'user-agent': 'mine', 'x-api-key': 'k', 'content-type': 'application/json' });
  });
});
