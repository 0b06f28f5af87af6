/**
 * The histories of the profile in the fake Cabinet API (`fake-api.ts`): the changes of the
 * profile (`GET profile/changes`, «Это был не я» at `POST profile/changes/:id/not-me`) and
 * the sign-ins (`GET profile/sign-ins`), read newest first by pages with the server's
 * opaque cursors. Values are masked as the server masks them
 * (`packages/server/src/profile/masking.ts`); a change made in the story is marked `current`
 * while the session it was made in lasts. The samples at the start: {@link FakeProfileOptions}.
 */
import type { Locale, ProfileChange, ProfileChangeKind, ProfileChangePage, ProfileFieldChange, SignIn, SignInOutcome, SignInPage } from '@mfc-cabinet/core';
import type { FakeCabinetApi, FakeRequest, Reply } from './fake-api.js';
import { ok } from './fake-api.js';
import { perServer, refuse } from './fake-shared.js';

/** The `profile` option of the fake server. */
export interface FakeProfileOptions {
  /**
   * The account at the start: `new` one that chose «Заполнить позже» at registration
   * («simplified», no personal data, no e-mail, no history yet), or `confirmed` at an МФЦ.
   * `account.level` still wins when given. @default a «standard» account with its personal data
   */
  start?: 'new' | 'confirmed';
  /**
   * Changes in the history at the start, newest first (phone, personal data, e-mail,
   * password, sign-in with a code in turn); more than 10 make «Показать ещё» pages.
   * @default 3, none for a `new` account
   */
  changes?: number;
  /**
   * Sign-in attempts in the history at the start (the newest is this browser's sign-in when
   * the story starts signed in); more than 10 make «Показать ещё» pages. @default 5, 1 for a `new` account
   */
  signIns?: number;
}

/** A field's values before and after, unmasked. */
export interface FieldValues {
  field: string;
  before: string | null;
  after: string | null;
}

// ------------------------------------------------------------------ masking, as the server's

const keepLast = (value: string, count: number) => '*'.repeat(Math.max(0, value.length - count)) + value.slice(-count);
const keepFirst = (value: string, count: number) => value.slice(0, count) + '*'.repeat(Math.max(0, value.length - count));
const firstLetter = (value: string) => `${[...value][0] ?? ''}***`;
const yearOnly = (value: string) => `**.**.${value.slice(0, 4)}`;

/** `+7 900 123-45-01` → `+7 9** ***-**-01` (the server keeps phones as `+79001234501`). */
function maskPhoneForHistory(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `+7 ${digits.slice(1, 2)}** ***-**-${digits.slice(-2)}`;
}

const maskers: Record<string, (value: string) => string> = {
  phone: maskPhoneForHistory,
  email: (value) => `${value.slice(0, 1)}***${value.slice(value.lastIndexOf('@'))}`,
  lastName: firstLetter,
  firstName: firstLetter,
  middleName: firstLetter,
  birthDate: yearOnly,
  'passport.series': (value) => keepFirst(value, 2),
  'passport.number': (value) => keepLast(value, 2),
  'passport.issuedAt': yearOnly,
  'passport.issuedBy': firstLetter,
  snils: (value) => `***-***-*** ${value.slice(-2)}`,
  inn: (value) => keepLast(value, 2),
  registrationAddress: (value) => `${value.split(',')[0]!.trim()}, ***`,
  secondFactor: (value) => (value === 'sms' || value === 'email' ? value : '***'),
};

/** The value of `field` as the history shows it; `null` stays `null`, an unknown field is hidden whole. */
export function maskField(field: string, value: string | null): string | null {
  if (value === null || value === '') return null;
  return (maskers[field] ?? (() => '***'))(value);
}

// ------------------------------------------------------------------ the store

interface ChangeRecord {
  id: string;
  at: number;
  kind: ProfileChangeKind;
  fields: string[];
  changes: ProfileFieldChange[];
  device: string;
  ip: string;
  /** The session it was made in; `null` for the samples, made elsewhere. */
  sessionId: string | null;
  reportedAt: number | null;
}

interface SignInRecord extends Omit<SignIn, 'at' | 'current'> {
  at: number;
  sessionId: string | null;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/** The raw values of the sample changes, oldest kinds first in turn. */
const sampleChanges: Array<{ kind: ProfileChangeKind; values: FieldValues[] }> = [
  { kind: 'phone', values: [{ field: 'phone', before: '+7 900 765-43-01', after: '+7 900 123-45-67' }] },
  {
    kind: 'personal_data',
    values: [
      { field: 'passport.number', before: '654321', after: '123456' },
      { field: 'passport.issuedAt', before: '2005-04-20', after: '2015-05-20' },
    ],
  },
  { kind: 'email', values: [{ field: 'email', before: null, after: 'ivanov@mail.ru' }] },
  { kind: 'password', values: [{ field: 'password', before: null, after: null }] },
  { kind: 'second_factor', values: [{ field: 'secondFactor', before: null, after: 'sms' }] },
];

const sampleDevices: Array<Pick<SignIn, 'device' | 'ip' | 'place'>> = [
  { device: 'Chrome, Windows', ip: '95.165.12.*', place: null },
  { device: 'Safari, iOS', ip: '178.176.74.*', place: null },
  { device: 'Firefox, Linux', ip: '192.168.1.*', place: 'Локальная сеть' },
  { device: 'Яндекс Браузер, Android', ip: '2a02:6b8:b010:*', place: null },
];

const sampleOutcomes: SignInOutcome[] = ['signed_in', 'wrong_password', 'signed_in', 'wrong_code', 'signed_in', 'locked'];

/** This browser, as a change made in the story names it. */
const thisBrowser = { device: 'Chrome, Windows', ip: '95.165.12.*' };

export class FakeProfileHistory {
  /** Newest first. */
  readonly changes: ChangeRecord[] = [];
  /** Newest first. */
  readonly signIns: SignInRecord[] = [];
  #ids = 0;

  constructor(api: FakeCabinetApi) {
    const options = api.options.profile ?? {};
    const fresh = options.start === 'new';
    const now = Date.now();
    const changes = Math.max(0, options.changes ?? (fresh ? 0 : 3));
    // Oldest first, so that the ids grow with the time as the server's do.
    for (let index = changes - 1; index >= 0; index -= 1) {
      const { kind, values } = sampleChanges[index % sampleChanges.length]!;
      const { device, ip } = sampleDevices[(index + 1) % sampleDevices.length]!;
      this.#addChange(kind, values, now - (index + 1) * 3 * day - index * 7 * minute, { device, ip, sessionId: null });
    }
    const signIns = Math.max(0, options.signIns ?? (fresh ? 1 : 5));
    const current = api.sessionList()[0]?.id ?? null;
    for (let index = signIns - 1; index >= 0; index -= 1) {
      // The newest is this browser's sign-in of the session the story starts with.
      const outcome = index === 0 ? 'signed_in' : sampleOutcomes[index % sampleOutcomes.length]!;
      const device = index === 0 ? { ...thisBrowser, place: api.options.thisDevice?.place ?? null } : sampleDevices[index % sampleDevices.length]!;
      this.#addSignIn(outcome, device, now - index * 2 * day - 5 * minute, index === 0 ? current : null);
    }
  }

  /** Records a change made in the story, in the session `sessionId`; nothing when no value changed. */
  record(kind: ProfileChangeKind, values: readonly FieldValues[], sessionId: string | null): void {
    if (values.length === 0) return;
    this.#addChange(kind, values, Date.now(), { ...thisBrowser, sessionId });
  }

  /** Records an attempt to sign in from this browser; `sessionId` of the session a sign-in started. */
  recordSignIn(outcome: SignInOutcome, sessionId: string | null = null): void {
    this.#addSignIn(outcome, { ...thisBrowser, place: null }, Date.now(), sessionId);
  }

  #addChange(kind: ProfileChangeKind, values: readonly FieldValues[], at: number, origin: Pick<ChangeRecord, 'device' | 'ip' | 'sessionId'>): void {
    const changes = values.map(({ field, before, after }) =>
      kind === 'password' ? { field, before: null, after: null } : { field, before: maskField(field, before), after: maskField(field, after) },
    );
    this.changes.unshift({ id: this.#id('change'), at, kind, fields: values.map(({ field }) => field), changes, ...origin, reportedAt: null });
  }

  #addSignIn(outcome: SignInOutcome, where: Pick<SignIn, 'device' | 'ip' | 'place'>, at: number, sessionId: string | null): void {
    this.signIns.unshift({ id: this.#id('sign-in'), at, outcome, ...where, sessionId });
  }

  /** Ids that sort as the time does. */
  #id(prefix: string): string {
    return `${prefix}-${String(++this.#ids).padStart(6, '0')}`;
  }
}

/** The histories of a fake server. */
export const historyOf = perServer((api) => new FakeProfileHistory(api));

// ------------------------------------------------------------------ pages

/** A cursor as the server makes it: base64url of `[at, id]` of the page's last row. */
function encodeCursor({ at, id }: { at: number; id: string }): string {
  return btoa(JSON.stringify([at, id])).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): { at: number; id: string } | undefined {
  try {
    const decoded: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(decoded) && decoded.length === 2 && Number.isInteger(decoded[0]) && typeof decoded[1] === 'string') {
      return { at: decoded[0] as number, id: decoded[1] };
    }
  } catch {
    // Not one of ours: refused below.
  }
  return undefined;
}

/** What the server says of a cursor it did not make, per list. */
const staleCursors: Record<'changes' | 'signIns', Record<Locale, string>> = {
  changes: {
    ru: 'Ссылка на страницу истории устарела: откройте историю изменений заново',
    en: 'The link to this page of the history is out of date: open the history of changes again',
  },
  signIns: {
    ru: 'Ссылка на страницу истории входов устарела: откройте историю входов заново',
    en: 'The link to this page of the sign-in history is out of date: open the sign-in history again',
  },
};

/** A page of `rows` (newest first) after `query`'s cursor, `limit` of them (20 by default, at most 50). */
function pageOf<T extends { at: number; id: string }>(
  rows: readonly T[],
  request: FakeRequest,
  api: FakeCabinetApi,
  list: 'changes' | 'signIns',
): { rows: T[]; nextCursor: string | null } | Reply {
  const { query, locale } = request;
  const raw = query.get('cursor');
  const limit = Math.min(Math.max(1, Math.trunc(Number(query.get('limit') ?? 20)) || 20), 50);
  let after = rows;
  if (raw !== null) {
    const cursor = decodeCursor(raw);
    if (!cursor) return refuse(request, api, 400, 'validation_failed', { errors: [{ field: 'cursor', code: 'invalid', message: staleCursors[list][locale] }] });
    after = rows.filter((row) => row.at < cursor.at || (row.at === cursor.at && row.id < cursor.id));
  }
  const shown = after.slice(0, limit);
  const last = shown.at(-1);
  return { rows: shown, nextCursor: after.length > limit && last ? encodeCursor(last) : null };
}

const isReply = (value: object): value is Reply => 'kind' in value;

/** `GET profile/changes`. */
export function changesPage(request: FakeRequest, api: FakeCabinetApi): Reply {
  const page = pageOf(historyOf(api).changes, request, api, 'changes');
  if (isReply(page)) return page;
  const current = api.sessionList()[0]?.id;
  const changes: ProfileChange[] = page.rows.map(({ at, sessionId, reportedAt, ...change }) => ({
    ...change,
    at: new Date(at).toISOString(),
    current: sessionId !== null && sessionId === current,
    reportedAt: reportedAt === null ? null : new Date(reportedAt).toISOString(),
  }));
  return ok({ changes, nextCursor: page.nextCursor } satisfies ProfileChangePage);
}

/** `GET profile/sign-ins`. */
export function signInsPage(request: FakeRequest, api: FakeCabinetApi): Reply {
  const page = pageOf(historyOf(api).signIns, request, api, 'signIns');
  if (isReply(page)) return page;
  const current = api.sessionList()[0]?.id;
  const signIns: SignIn[] = page.rows.map(({ at, sessionId, ...signIn }) => ({
    ...signIn,
    at: new Date(at).toISOString(),
    current: sessionId !== null && sessionId === current,
  }));
  return ok({ signIns, nextCursor: page.nextCursor } satisfies SignInPage);
}
