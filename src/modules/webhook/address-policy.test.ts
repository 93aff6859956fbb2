import { checkAddress, checkWebhookUrl, resolveWebhookTarget, WebhookAddressError, type AddressPolicy, type Resolver } from './address-policy';

const strict: AddressPolicy = { allowHttp: false, allowedNetworks: [] };
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (name) => {
    const addresses = table[name];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('webhook addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s)', (address, range) => {
    expect(() => checkAddress(address, strict)).toThrow(new RegExp(`is a ${range} address`));
  });

  it.each(['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '8.8.8.8'])('accepts the public address %s', (address) => {
    expect(() => checkAddress(address, strict)).not.toThrow();
  });

  it('accepts a non-public address only inside an allowed network', () => {
    const loopback = { allowHttp: true, allowedNetworks: ['127.0.0.1/32'] };
    expect(() => checkAddress('127.0.0.1', loopback)).not.toThrow();
    expect(() => checkAddress('127.0.0.2', loopback)).toThrow(WebhookAddressError);
    expect(() => checkAddress('::1', loopback)).toThrow(WebhookAddressError);
    expect(() => checkAddress('::1', { allowHttp: true, allowedNetworks: ['::1/128'] })).not.toThrow();
  });

  it('takes https URLs only, http where allowed, without credentials', () => {
    expect(() => checkWebhookUrl('http://example.com/hook', strict)).toThrow(/only https/);
    expect(() => checkWebhookUrl('http://example.com/hook', { ...strict, allowHttp: true })).not.toThrow();
    expect(() => checkWebhookUrl('ftp://example.com/hook', { ...strict, allowHttp: true })).toThrow(/only http and https/);
    expect(() => checkWebhookUrl('https://user:pw@example.com/', strict)).toThrow(/user name or password/);
    expect(() => checkWebhookUrl('/relative', strict)).toThrow(/not an absolute URL/);
    expect(() => checkWebhookUrl(`https://example.com/${'a'.repeat(2100)}`, strict)).toThrow(/longer than/);
  });

  it.each(['https://127.0.0.1/', 'https://10.0.0.7:8443/x', 'https://169.254.169.254/latest/meta-data/', 'https://[::1]/', 'https://[::ffff:a00:1]/'])(
    'refuses the literal address of %s at once',
    (url) => {
      expect(() => checkWebhookUrl(url, strict)).toThrow(WebhookAddressError);
    },
  );

  it('checks every address a name resolves to, and gives the one to connect to', async () => {
    const resolve = resolverOf({
      'public.example': ['93.184.216.34'],
      'loopback.example': ['127.0.0.1'],
      'metadata.example': ['169.254.169.254'],
      'v6.example': ['::1'],
      'mixed.example': ['93.184.216.34', '10.0.0.1'],
    });
    await expect(resolveWebhookTarget(new URL('https://public.example/'), strict, resolve)).resolves.toBe('93.184.216.34');
    for (const name of ['loopback.example', 'metadata.example', 'v6.example', 'mixed.example'])
      await expect(resolveWebhookTarget(new URL(`https://${name}/`), strict, resolve)).rejects.toThrow(new RegExp(`${name} resolves to`));
    await expect(resolveWebhookTarget(new URL('https://nowhere.example/'), strict, resolve)).rejects.toThrow(/does not resolve: ENOTFOUND/);
  });
});
