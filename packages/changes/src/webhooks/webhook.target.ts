import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { ChangesConfig } from '../changes.config';

/** Addresses a webhook may not reach in production: loopback, private, link-local (cloud metadata), and the like. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
/**
 * IPv6: only global unicast (2000::/3) is public, less the ranges inside it that reach other networks or none:
 * Teredo and the IETF's blocks (2001::/23), documentation (2001:db8::/32) and 6to4 (2002::/16, which embeds an
 * IPv4 address). Everything else (IPv4-mapped or -compatible forms, NAT64 64:ff9b::/96, site- and link-local,
 * unique local, multicast, discard) is refused.
 */
const GLOBAL_UNICAST = new BlockList();
GLOBAL_UNICAST.addSubnet('2000::', 3, 'ipv6');
const NOT_PUBLIC_IN_GLOBAL = new BlockList();
for (const [network, prefix] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
] as const) {
  NOT_PUBLIC_IN_GLOBAL.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) return !GLOBAL_UNICAST.check(address, 'ipv6') || NOT_PUBLIC_IN_GLOBAL.check(address, 'ipv6');
  return true;
}

/** Why a receiver URL is refused, or null when it may be registered (addresses are checked again at each delivery). */
export function targetProblem(url: URL, config: ChangesConfig): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the URL must be https';
  if (url.username || url.password) return 'the URL must not carry a user name or password';
  if (!config.strictTargets) return null;
  // `localhost.` is `localhost`: a trailing dot names the same host.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  // A listed host is the operator's own receiver: private addresses, and plain http inside its network, are theirs to allow.
  if (config.allowedHosts.includes(host)) return null;
  if (url.protocol !== 'https:') return 'the URL must be https';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'the URL points at this machine';
  if (isIP(host) && isPrivateAddress(host))
    return 'the URL points at a private or loopback address (list on-premises hosts in WEBHOOK_ALLOWED_HOSTS)';
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The DNS lookup a delivery connects with: in production every address a name resolves to must be public
 * (unless the host is allowed), and the connection goes to the address checked here, so a name that
 * resolves differently a moment later (DNS rebinding) gains nothing.
 */
export function guardedLookup(config: ChangesConfig, host: string) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses;
      if (config.strictTargets && !config.allowedHosts.includes(host) && list.some((entry) => isPrivateAddress(entry.address))) {
        const refused = Object.assign(new Error(`${hostname} resolves to a private or loopback address`), { code: 'EPRIVATE' });
        return callback(refused, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
