/**
 * A client's IP address as the list of sessions shows it: masked, so that a glance over
 * the citizen's shoulder gives nothing away, and with the place when the server can tell
 * it: the local network, or the city when a GeoIP database is configured (`geoip.ts`).
 */
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { GeoIpLookup } from './geoip.js';
import type { Locale } from './locale.js';

/** What the place of an address in a local network is called, in each language. */
export const localNetwork: Record<Locale, string> = { ru: 'Локальная сеть', en: 'Local network' };

/** Loopback, private and link-local ranges. */
const local = new BlockList();
for (const [network, prefix] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
] as const) {
  local.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  local.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address written as IPv6 (`::ffff:192.168.1.10`) as plain IPv4. */
function unmapped(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

/** The eight groups of an IPv6 address, `::` expanded. */
function ipv6Groups(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  if (tail === undefined) return split(head);
  const left = split(head);
  const right = split(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}

/**
 * The address without what tells the device: the last number of IPv4, all but the first
 * three groups (the network) of IPv6.
 *
 * @example maskIp('192.168.1.10') // '192.168.1.*'
 * @example maskIp('2001:db8:85a3::8a2e:370:7334') // '2001:db8:85a3:*'
 */
export function maskIp(ip: string | null): string {
  if (ip === null) return '';
  const address = unmapped(ip);
  if (isIPv4(address)) return `${address.slice(0, address.lastIndexOf('.'))}.*`;
  if (isIPv6(address)) return `${ipv6Groups(address).slice(0, 3).join(':')}:*`;
  return '';
}

/**
 * Where the address is, when the server can tell: {@link localNetwork}, the city `geo`
 * places it in, or `null`.
 */
export function placeOf(ip: string | null, locale: Locale = 'ru', geo?: GeoIpLookup | null): string | null {
  if (ip === null) return null;
  const address = unmapped(ip);
  const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!family) return null;
  if (local.check(address, family)) return localNetwork[locale];
  return geo?.cityOf(address, locale) ?? null;
}
