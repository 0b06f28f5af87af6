/**
 * The city of a client's address, when a GeoIP database is configured (`GEOIP_CITY_CSV`):
 * for the place of a session and of a sign-in. Behind {@link GeoIpLookup}, so that another
 * reader (an `.mmdb` file) can take the place of the CSV one.
 *
 * The CSV reader takes MaxMind's GeoLite2-City (or GeoIP2-City) CSV files from one folder:
 * `GeoLite2-City-Blocks-IPv4.csv` (required) and `GeoLite2-City-Blocks-IPv6.csv` (when
 * present), with the columns `network` and `geoname_id`; `GeoLite2-City-Locations-ru.csv`
 * and/or `GeoLite2-City-Locations-en.csv`, with `geoname_id` and `city_name`. The header
 * rows name the columns, in any order. Everything is read once at start into sorted
 * ranges, looked up by binary search; a file missing or malformed stops the start with a
 * {@link ConfigError} that says which and where, never a failure later.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { join } from 'node:path';
import { ConfigError } from '../settings.js';
import type { Locale } from './locale.js';

/** Where an address is. */
export interface GeoIpLookup {
  /** The city of `ip` in `locale` (in the other language when it has no name in this one), or `null`. */
  cityOf(ip: string, locale: Locale): string | null;
}

const files = {
  ipv4: 'GeoLite2-City-Blocks-IPv4.csv',
  ipv6: 'GeoLite2-City-Blocks-IPv6.csv',
  locations: { ru: 'GeoLite2-City-Locations-ru.csv', en: 'GeoLite2-City-Locations-en.csv' },
} as const;

/** The lines of a file, read in chunks (the blocks files are hundreds of megabytes). */
function* linesOf(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let rest = Buffer.alloc(0);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const data = rest.length > 0 ? Buffer.concat([rest, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let start = 0;
      for (let end = data.indexOf(10, start); end !== -1; end = data.indexOf(10, start)) {
        yield data.toString('utf8', start, end).replace(/\r$/, '');
        start = end + 1;
      }
      // Copied: the chunk is read into again.
      rest = Buffer.from(data.subarray(start));
    }
    if (rest.length > 0) yield rest.toString('utf8').replace(/\r$/, '');
  } finally {
    closeSync(fd);
  }
}

/** The fields of a CSV line (RFC 4180 quoting: `"Washington, D.C."`, `""` for a quote). */
export function csvFields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let value = '';
      at += 1;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote === -1) throw new Error('a quoted field is not closed');
        value += line.slice(at, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          at = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      if (at < line.length && line[at] !== ',') throw new Error('a quoted field is followed by something else than a comma');
      fields.push(value);
      at += 1;
    } else {
      const comma = line.indexOf(',', at);
      const end = comma === -1 ? line.length : comma;
      fields.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return fields;
}

/** Each row of a CSV file as its fields, with the index of each column the header names; `columns` must be there. */
function* rowsOf<C extends string>(path: string, columns: readonly C[]): Generator<{ line: number; get: (column: C) => string }> {
  let header: Map<string, number> | undefined;
  let line = 0;
  let index: Record<C, number> | undefined;
  for (const text of linesOf(path)) {
    line += 1;
    if (text === '') continue;
    if (!header) {
      header = new Map(csvFields(text.replace(/^\uFEFF/, '')).map((name, at) => [name.trim(), at]));
      const missing = columns.filter((column) => !header!.has(column));
      if (missing.length > 0) throw new Error(`its header row has no column ${missing.map((column) => `"${column}"`).join(', ')}`);
      index = Object.fromEntries(columns.map((column) => [column, header!.get(column)])) as Record<C, number>;
      continue;
    }
    let fields: string[];
    try {
      fields = csvFields(text);
    } catch (error) {
      throw new Error(`line ${line}: ${(error as Error).message}`);
    }
    const at = index!;
    yield { line, get: (column) => fields[at[column]] ?? '' };
  }
  if (!header) throw new Error('it is empty (no header row)');
}

/** `a.b.c.d` as a number from 0 to 2³²−1; `undefined` when it is not an IPv4 address. */
function ipv4Value(address: string): number | undefined {
  if (!isIPv4(address)) return undefined;
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** An IPv6 address as a 128-bit number; `undefined` when it is not one. */
function ipv6Value(raw: string): bigint | undefined {
  const address = raw.replace(/%.*$/, '');
  if (!isIPv6(address)) return undefined;
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = ipv4Value(dotted[1]!)!;
    text = `${text.slice(0, -dotted[1]!.length)}${Math.floor(value / 65_536).toString(16)}:${(value % 65_536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const left = split(head);
  const right = tail === undefined ? [] : split(tail);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.reduce((value, group) => (value << 16n) | BigInt(Number.parseInt(group, 16)), 0n);
}

/** Ranges of addresses, each with a city (its geoname id), sorted by their start. */
class Ranges<N extends number | bigint> {
  readonly starts: N[] = [];
  readonly ends: N[] = [];
  readonly ids: number[] = [];

  add(start: N, end: N, id: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.ids.push(id);
  }

  /** Sorts them by their start, unless they came sorted (MaxMind's files do). */
  sort(): void {
    const { starts } = this;
    if (starts.every((start, at) => at === 0 || starts[at - 1]! <= start)) return;
    const order = starts.map((_, at) => at).sort((a, b) => (starts[a]! < starts[b]! ? -1 : starts[a]! > starts[b]! ? 1 : 0));
    const [s, e, i] = [order.map((at) => this.starts[at]!), order.map((at) => this.ends[at]!), order.map((at) => this.ids[at]!)];
    // Element by element: millions of ranges are too many for the arguments of a call.
    for (let at = 0; at < order.length; at++) {
      this.starts[at] = s[at]!;
      this.ends[at] = e[at]!;
      this.ids[at] = i[at]!;
    }
  }

  /** The geoname id of the range holding `value`, or `undefined`. */
  find(value: N): number | undefined {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.starts[middle]! <= value) low = middle + 1;
      else high = middle - 1;
    }
    return high >= 0 && value <= this.ends[high]! ? this.ids[high] : undefined;
  }
}

/** The cities of GeoLite2-City CSV files, held in memory. */
class CsvCityLookup implements GeoIpLookup {
  readonly #names: Map<number, Partial<Record<Locale, string>>>;
  readonly #ipv4: Ranges<number>;
  readonly #ipv6: Ranges<bigint>;

  constructor(names: Map<number, Partial<Record<Locale, string>>>, ipv4: Ranges<number>, ipv6: Ranges<bigint>) {
    this.#names = names;
    this.#ipv4 = ipv4;
    this.#ipv6 = ipv6;
  }

  cityOf(ip: string, locale: Locale): string | null {
    const address = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1] ?? ip;
    const v4 = ipv4Value(address);
    const v6 = v4 === undefined ? ipv6Value(address) : undefined;
    const id = v4 !== undefined ? this.#ipv4.find(v4) : v6 !== undefined ? this.#ipv6.find(v6) : undefined;
    const names = id === undefined ? undefined : this.#names.get(id);
    return names?.[locale] ?? names?.[locale === 'ru' ? 'en' : 'ru'] ?? null;
  }
}

/** Reads `path` with `read`; any failure becomes a {@link ConfigError} naming the file. */
function readFile(dir: string, name: string, read: (path: string) => void): void {
  try {
    read(join(dir, name));
  } catch (error) {
    throw new ConfigError(`GEOIP_CITY_CSV: ${name} in ${dir} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads the GeoLite2-City CSV files of `dir` (see the top of this file).
 *
 * @throws {ConfigError} when the folder lacks the IPv4 blocks or both locations files, or a
 *   file is malformed (a missing column, a network that is not one, a bad geoname id)
 */
export function loadGeoLiteCityCsv(dir: string): GeoIpLookup {
  const present = (name: string) => existsSync(join(dir, name));
  if (!present(files.ipv4)) throw new ConfigError(`GEOIP_CITY_CSV: ${dir} has no ${files.ipv4} (MaxMind's GeoLite2-City CSV files are expected there)`);
  const locales = (Object.keys(files.locations) as Locale[]).filter((locale) => present(files.locations[locale]));
  if (locales.length === 0) throw new ConfigError(`GEOIP_CITY_CSV: ${dir} has neither ${files.locations.ru} nor ${files.locations.en}`);

  const names = new Map<number, Partial<Record<Locale, string>>>();
  for (const locale of locales) {
    readFile(dir, files.locations[locale], (path) => {
      for (const row of rowsOf(path, ['geoname_id', 'city_name'])) {
        const id = geonameId(row.get('geoname_id'), row.line);
        const city = row.get('city_name').trim();
        if (id === undefined || city === '') continue;
        names.set(id, { ...names.get(id), [locale]: city });
      }
    });
  }

  const ipv4 = new Ranges<number>();
  readFile(dir, files.ipv4, (path) => {
    for (const row of rowsOf(path, ['network', 'geoname_id'])) {
      const id = geonameId(row.get('geoname_id'), row.line);
      const [address = '', prefix] = row.get('network').split('/');
      const value = ipv4Value(address);
      const bits = Number(prefix);
      if (value === undefined || !/^\d+$/.test(prefix ?? '') || bits > 32) throw new Error(`line ${row.line}: "${row.get('network')}" is not an IPv4 network`);
      if (id === undefined || !names.has(id)) continue;
      const size = 2 ** (32 - bits);
      const start = value - (value % size);
      ipv4.add(start, start + size - 1, id);
    }
  });
  const ipv6 = new Ranges<bigint>();
  if (present(files.ipv6)) {
    readFile(dir, files.ipv6, (path) => {
      for (const row of rowsOf(path, ['network', 'geoname_id'])) {
        const id = geonameId(row.get('geoname_id'), row.line);
        const [address = '', prefix] = row.get('network').split('/');
        const value = ipv6Value(address);
        const bits = Number(prefix);
        if (value === undefined || !/^\d+$/.test(prefix ?? '') || bits > 128) throw new Error(`line ${row.line}: "${row.get('network')}" is not an IPv6 network`);
        if (id === undefined || !names.has(id)) continue;
        const size = 1n << BigInt(128 - bits);
        const start = value - (value % size);
        ipv6.add(start, start + size - 1n, id);
      }
    });
  }
  ipv4.sort();
  ipv6.sort();
  return new CsvCityLookup(names, ipv4, ipv6);
}

/** A geoname id (empty for a network MaxMind places in no city: `undefined`). */
function geonameId(raw: string, line: number): number | undefined {
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new Error(`line ${line}: geoname_id "${raw}" is not a number`);
  return Number(raw);
}
