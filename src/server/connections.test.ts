import { readConfig } from '../config';
import { addressKey, checkingIntervalFor } from './connections';

describe('socket caps and timeouts', () => {
  it('counts an IPv4 client by its address and an IPv6 one by its /64', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(addressKey('2001:db8:0:1::1')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8:0:1:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:DB8:0000:0001::2')).toBe('2001:db8:0:1::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('checks header timeouts often enough that they fire when they say', () => {
    expect(checkingIntervalFor(10_000)).toBe(1000);
    expect(checkingIntervalFor(300)).toBe(75);
    expect(checkingIntervalFor(1)).toBe(50);
  });

  it('reads the caps and timeouts, refusing settings that cannot hold', () => {
    const { connections } = readConfig({
      MAX_CONNECTIONS: '500',
      MAX_CONNECTIONS_PER_ADDRESS: '50',
      HEADERS_TIMEOUT_MS: '2000',
      KEEP_ALIVE_TIMEOUT_MS: '1000',
    });
    expect(connections).toEqual({ max: 500, perAddress: 50, headersTimeoutMs: 2000, keepAliveTimeoutMs: 1000 });
    const defaults = readConfig({}).connections;
    expect(defaults.perAddress).toBeLessThanOrEqual(defaults.max);
    expect(defaults.max).toBeLessThanOrEqual(1000);
    expect(readConfig({ MAX_CONNECTIONS: '20' }).connections.perAddress).toBe(20);
    expect(() => readConfig({ MAX_CONNECTIONS: '10', MAX_CONNECTIONS_PER_ADDRESS: '20' })).toThrow(
      /MAX_CONNECTIONS_PER_ADDRESS must be at most MAX_CONNECTIONS/,
    );
    expect(() => readConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS must be a positive integer/);
    expect(() => readConfig({ HEADERS_TIMEOUT_MS: '60000' })).toThrow(/HEADERS_TIMEOUT_MS must be at most/);
  });
});
