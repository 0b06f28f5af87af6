/**
 * The pieces every section of the configuration is made of: a setting (an environment
 * variable with its default, description and parser), the parsers, and {@link ConfigError}.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's place in both `src/` (tsx) and `dist/`. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** One environment variable, as documented in the README. */
export interface ConfigDoc {
  name: string;
  default: string;
  description: string;
}

/** Thrown when the environment describes a configuration the server refuses to run with. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface Setting<T> extends ConfigDoc {
  /** Turns the raw value (the default when the variable is unset or blank) into a setting. */
  parse(raw: string, cwd: string): T;
}

export const second = 1000;
export const day = 86_400 * second;

export function wholeNumber(raw: string, max?: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > (max ?? Number.MAX_SAFE_INTEGER)) {
    throw new ConfigError(`expected a whole number from 1${max ? ` to ${max}` : ''}, got "${raw}"`);
  }
  return value;
}

/** A count that may be 0. */
export function countFrom0(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > Number.MAX_SAFE_INTEGER) throw new ConfigError(`expected a whole number from 0, got "${raw}"`);
  return Number(raw);
}

export const integer = (name: string, fallback: number, description: string, max?: number): Setting<number> => ({
  name,
  default: String(fallback),
  description,
  parse: (raw) => wholeNumber(raw, max),
});

/** A duration given in `unit`s (milliseconds of one unit), kept in milliseconds. */
export const duration = (name: string, fallback: number, unit: number, description: string): Setting<number> => ({
  name,
  default: String(fallback),
  description,
  parse: (raw) => wholeNumber(raw) * unit,
});

/** A folder: `<repo>/…` is inside the repository, anything else relative to the working directory. */
export const folder = (name: string, fallback: string, description: string): Setting<string> => ({
  name,
  default: fallback,
  description,
  parse: (raw, cwd) => (raw.startsWith('<repo>/') ? resolve(repoRoot, raw.slice('<repo>/'.length)) : resolve(cwd, raw)),
});

/** A folder that may be inside DATA_DIR (`<DATA_DIR>/…`, resolved once DATA_DIR is known) or anywhere else. */
export const dataFolder = (name: string, fallback: string, description: string): Setting<{ inData: string } | string> => ({
  name,
  default: fallback,
  description,
  parse: (raw, cwd) => (raw.startsWith('<DATA_DIR>/') ? { inData: raw.slice('<DATA_DIR>/'.length) } : resolve(cwd, raw)),
});

/** An IANA time zone the runtime knows, e.g. `Europe/Moscow`. */
export function timeZone(raw: string): string {
  try {
    return new Intl.DateTimeFormat('ru-RU', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    throw new ConfigError(`expected an IANA time zone such as Europe/Moscow, got "${raw}"`);
  }
}

export function webhookUrl(raw: string): string | undefined {
  if (raw === '') return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new ConfigError(`expected an http(s) URL, got "${raw}"`);
  }
  return raw;
}

export function proxyTrust(raw: string): boolean | number | string[] {
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return wholeNumber(raw, 10);
  return raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
}

export function origins(raw: string): string[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      if (!url || !/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
        throw new ConfigError(`"${entry}" is not an origin such as https://gorod.example`);
      }
      return url.origin;
    });
}

export function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new ConfigError(`expected one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };
}

/** What the settings of `S` parse to, by key. */
export type SettingValues<S> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };
