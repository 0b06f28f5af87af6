/** An IP address shortened to its network, so that it no longer points at one household: IPv4 to its /24, IPv6 to its /48. */
export function shortenAddress(ip: string | null): string | null {
  if (ip === null) return null;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    const groups = ip.split('::')[0]!.split(':').filter(Boolean).slice(0, 3);
    return `${[...groups, ...Array(3 - groups.length).fill('0')].join(':')}::/48`;
  }
  return null;
}
