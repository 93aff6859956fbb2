import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Resolves a host name to its addresses (injectable: tests resolve names to loopback or private addresses). */
export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Where webhooks may be sent: the env settings WEBHOOK_ALLOW_HTTP and WEBHOOK_ALLOW_NETWORKS. */
export interface AddressPolicy {
  /** `http:` URLs too (else only `https:`). */
  allowHttp: boolean;
  /** Networks (CIDR) allowed although not public: a receiver on the same host or network. Empty: public addresses only. */
  allowedNetworks: string[];
}

/** A webhook URL or address refused; `reason` says why, for the delivery log and the client. */
export class WebhookAddressError extends Error {}

/** The largest URL accepted. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * Checks a URL's form: an absolute https (or, where allowed, http) URL with a host, no user
 * name or password (they would be sent to whoever answers), at most 2,048 characters. Returns the URL.
 */
export function checkWebhookUrl(raw: string, policy: AddressPolicy): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) throw new WebhookAddressError(`the URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError('not an absolute URL');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    throw new WebhookAddressError(policy.allowHttp ? 'only http and https URLs can receive webhooks' : 'only https URLs can receive webhooks');
  if (!url.hostname) throw new WebhookAddressError('the URL has no host');
  if (url.username || url.password) throw new WebhookAddressError('the URL must not carry a user name or password');
  // A literal address is checked now; a name is checked when it is resolved, at each delivery.
  const literal = literalAddress(url.hostname);
  if (literal) checkAddress(literal, policy);
  return url;
}

/** The address a URL's host names literally (`127.0.0.1`, `[::1]`), or null for a name. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

/**
 * Refuses an address that is not public unicast (loopback, private, link-local and so cloud
 * metadata at 169.254.169.254, carrier-grade NAT, multicast, unspecified, reserved, unique-local,
 * and IPv6 forms that embed an IPv4 address: mapped, 6to4, Teredo, NAT64), unless it lies in one of
 * the allowed networks. The classification is ipaddr.js's (its `range()`).
 */
export function checkAddress(address: string, policy: AddressPolicy): void {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    throw new WebhookAddressError(`"${address}" is not an IP address`);
  }
  // ::ffff:10.0.0.1 is 10.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  for (const network of policy.allowedNetworks) {
    const [base, bits] = ipaddr.parseCIDR(network);
    if (base.kind() === parsed.kind() && parsed.match([base, bits] as never)) return;
  }
  const range = parsed.range();
  if (range !== 'unicast') throw new WebhookAddressError(`${parsed.toString()} is a ${range} address, not a public one`);
}

/**
 * Resolves a URL's host once and checks every address it gives: the delivery then connects to
 * the first of them, so a name that resolves to a public address when checked and to a private
 * one a moment later (DNS rebinding) cannot redirect it.
 */
export async function resolveWebhookTarget(url: URL, policy: AddressPolicy, resolve: Resolver): Promise<string> {
  const literal = literalAddress(url.hostname);
  if (literal) {
    checkAddress(literal, policy);
    return literal;
  }
  let addresses: { address: string }[];
  try {
    addresses = await resolve(url.hostname);
  } catch (error) {
    throw new WebhookAddressError(`${url.hostname} does not resolve: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (addresses.length === 0) throw new WebhookAddressError(`${url.hostname} does not resolve`);
  for (const { address } of addresses) {
    try {
      checkAddress(address, policy);
    } catch (error) {
      throw new WebhookAddressError(`${url.hostname} resolves to ${(error as Error).message}`);
    }
  }
  return addresses[0].address;
}
