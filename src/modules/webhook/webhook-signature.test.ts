import { createHmac } from 'node:crypto';
import { newWebhookSecret, signatureHeader, verifySignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ changes: [{ kind: 'STATEMENT_ADDED' }] });

  it('signs t.body with HMAC-SHA256 under the secret', () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    const expected = createHmac('sha256', secret).update(`1800000000.${body}`).digest('hex');
    expect(header).toBe(`t=1800000000,v1=${expected}`);
    expect(verifySignature(secret, header, body, 1_800_000_010)).toBe(true);
  });

  it('refuses another body, another secret, an old timestamp, a forged header', () => {
    const header = signatureHeader(secret, body, 1_800_000_000);
    expect(verifySignature(secret, header, `${body} `, 1_800_000_000)).toBe(false);
    expect(verifySignature(newWebhookSecret(), header, body, 1_800_000_000)).toBe(false);
    expect(verifySignature(secret, header, body, 1_800_000_000 + 301)).toBe(false);
    expect(verifySignature(secret, header.replace(/t=\d+/, 't=1800000100'), body, 1_800_000_100)).toBe(false);
    expect(verifySignature(secret, 'v1=abc', body, 1_800_000_000)).toBe(false);
  });

  it('makes a new random secret each time', () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
