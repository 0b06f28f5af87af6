/**
 * The profile's changes in the fake Cabinet API (`fake-api.ts`), as the reference server
 * makes them (`packages/server/src/profile/`, `account-closure/`, `data-export/`): a new
 * phone or e-mail used once the code sent to it comes back, a new password, the code asked
 * at sign-in on or off, the histories of changes and sign-ins (`fake-profile-history.ts`)
 * with «Это был не я», the data to download, and the closure of the account. Each asks the
 * current password first, refused as the server refuses it (`invalid_credentials` with
 * the attempts left, counted with the sign-in's towards the lockout); every change shows
 * in `GET profile` and in the history, masked.
 *
 * @example
 * ```ts
 * const api = new FakeCabinetApi({ signedIn: true, password: 'Vesna-2026!', profile: { changes: 25, signIns: 25 } });
 * ```
 */
import { authPolicy, normalizePhone, type Locale, type OtpChannel, type Profile } from '@mfc-cabinet/core';
import type { FakeCabinetApi, FakeRequest, Handler, Reply } from './fake-api.js';
import { checkCode, ok, passwordErrors, resendCode } from './fake-api.js';
import { changesPage, historyOf, signInsPage, type FieldValues } from './fake-profile-history.js';
import { perServer, refuse, usingSession } from './fake-shared.js';

export type { FakeProfileOptions } from './fake-profile-history.js';

export type ProfileEndpoint =
  | 'POST profile/contacts/phone'
  | 'POST profile/contacts/email'
  | 'POST profile/contacts/confirm'
  | 'POST profile/contacts/resend'
  | 'POST profile/password'
  | 'PUT profile/second-factor'
  | 'GET profile/sign-ins'
  | 'GET profile/changes'
  | 'POST profile/changes/:id/not-me'
  | 'GET profile/export.json'
  | 'GET profile/export.pdf'
  | 'POST profile/close';

export const profileEndpoints: readonly ProfileEndpoint[] = [
  'POST profile/contacts/phone',
  'POST profile/contacts/email',
  'POST profile/contacts/confirm',
  'POST profile/contacts/resend',
  'POST profile/password',
  'PUT profile/second-factor',
  'GET profile/sign-ins',
  'GET profile/changes',
  'POST profile/changes/:id/not-me',
  'GET profile/export.json',
  'GET profile/export.pdf',
  'POST profile/close',
];

/** Every endpoint of the profile's changes needs the citizen's session, and uses it. */
export const profileSessionNeeds = usingSession(profileEndpoints);

type Contact = 'phone' | 'email';

const channels: Record<Contact, OtpChannel> = { phone: 'sms', email: 'email' };

/** The server's words for a contact it refuses; the English ones are the stories' own (the server speaks Russian). */
const contactMessages: Record<Locale, Record<Contact, { invalid: string; unchanged: string }>> = {
  ru: {
    phone: { invalid: 'Введите номер мобильного телефона: +7 и 10 цифр', unchanged: 'Это ваш текущий номер телефона' },
    email: { invalid: 'Проверьте адрес электронной почты, например ivanov@example.ru', unchanged: 'Это ваш текущий адрес почты' },
  },
  en: {
    phone: { invalid: 'Enter a mobile number: +7 and 10 digits', unchanged: 'This is your current phone number' },
    email: { invalid: 'Check the e-mail address, e.g. ivanov@example.ru', unchanged: 'This is your current e-mail address' },
  },
};

/** Why a channel cannot carry the sign-in codes, as the server words it. */
const missingContact: Record<Locale, Record<OtpChannel, string>> = {
  ru: {
    sms: 'Чтобы получать код по SMS, добавьте в профиль номер телефона',
    email: 'Чтобы получать код на почту, добавьте и подтвердите в профиле адрес электронной почты',
  },
  en: {
    sms: 'To get the code by SMS, add a phone number to the profile',
    email: 'To get the code by e-mail, add and confirm an e-mail address in the profile',
  },
};

/** The server's detail of a change «Это был не я» names that the account does not have. */
const noSuchChange: Record<Locale, string> = {
  ru: 'Такого изменения в истории вашего профиля нет.',
  en: 'There is no such change in the history of your profile.',
};

/** `+7 900 000-00-02` (as the fake shows phones), or `undefined` when it is no Russian mobile number. */
function phoneOf(value: string): string | undefined {
  const normalized = normalizePhone(value);
  if (normalized === undefined) return undefined;
  const d = normalized.slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

/** An e-mail trimmed and in lower case, or `undefined` when it does not look like one. */
function emailOf(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  return /^[^\s@"(),:;<>[\]\\]{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u.test(email) ? email : undefined;
}

/** Where a code went, as the challenge shows it: `+7 *** ***-00-02`, `n***@mail.ru`. */
function destinationOf(kind: Contact, value: string): string {
  if (kind === 'phone') return `+7 *** ***-${value.replace(/\D/g, '').slice(-4).replace(/(\d\d)(\d\d)/, '$1-$2')}`;
  return `${value.slice(0, 1)}***${value.slice(value.lastIndexOf('@'))}`;
}

/** The contacts being changed to, by the id of the code sent to each. */
const pendingContacts = perServer(() => new Map<string, { kind: Contact; value: string }>());

/** The id of this browser's session, which a change is made in. */
const sessionIdOf = (api: FakeCabinetApi): string | null => api.sessionList()[0]?.id ?? null;

/** The fields of personal data whose values differ between `before` and `after`, as the history records them. */
export function personalDataChanges(before: Profile, after: Profile): FieldValues[] {
  const fields = (profile: Profile): Record<string, string | null> => ({
    lastName: profile.lastName,
    firstName: profile.firstName,
    middleName: profile.middleName,
    birthDate: profile.birthDate,
    'passport.series': profile.passport?.series ?? null,
    'passport.number': profile.passport?.number ?? null,
    'passport.issuedAt': profile.passport?.issuedAt ?? null,
    'passport.issuedBy': profile.passport?.issuedBy ?? null,
    snils: profile.snils,
    inn: profile.inn,
    registrationAddress: profile.registrationAddress,
  });
  const old = fields(before);
  const next = fields(after);
  return Object.keys(next)
    .filter((field) => (old[field] || null) !== (next[field] || null))
    .map((field) => ({ field, before: old[field] || null, after: next[field] || null }));
}

/** Records a change of the personal data saved in the story (`PUT profile/personal-data`). */
export function recordPersonalData(api: FakeCabinetApi, before: Profile, after: Profile): void {
  historyOf(api).record('personal_data', personalDataChanges(before, after), sessionIdOf(api));
}

/** Starts changing a contact: checks it, then the current password, then sends a code to it. */
function startContactChange(kind: Contact, request: FakeRequest, api: FakeCabinetApi): Reply {
  const { body, locale } = request;
  const raw = String(body?.[kind] ?? '');
  const value = kind === 'phone' ? phoneOf(raw) : emailOf(raw);
  const field = (code: 'invalid' | 'unchanged') =>
    refuse(request, api, 400, 'validation_failed', { errors: [{ field: kind, code, message: contactMessages[locale][kind][code] }] });
  if (value === undefined) return field('invalid');
  if (value === api.profile[kind]) return field('unchanged');
  const refused = api.checkCurrentPassword(String(body?.['currentPassword'] ?? ''), locale);
  if (refused) return refused;
  const challenge = api.sendCode('contact', channels[kind], destinationOf(kind, value), api.options.resendAfter);
  pendingContacts(api).set(challenge.id, { kind, value });
  return ok({ challenge });
}

/** The data to download: everything the fake holds of the citizen, in the server's layout. */
function dataExport(api: FakeCabinetApi) {
  return { format: 'mfc-cabinet-data-export', version: 1, exportedAt: new Date().toISOString(), profile: api.profile, applications: [], documents: [] };
}

/** A one-page PDF that names the citizen: enough for the browser to save it as one. */
function pdfOf(api: FakeCabinetApi): string {
  const { lastName, firstName, middleName } = api.profile;
  const name = [lastName, firstName, middleName].filter(Boolean).join(' ') || (api.profile.phone ?? '');
  // Latin only: the standard fonts of a PDF know no Cyrillic.
  const text = `MFC Cabinet data export (${name.replace(/[^\x20-\x7e]/g, '?')})`;
  return [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    `4 0 obj << >> stream\nBT /F1 14 Tf 56 780 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET\nendstream endobj`,
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
}

export const profileHandlers: Record<ProfileEndpoint, Handler> = {
  'POST profile/contacts/phone': (request, api) => startContactChange('phone', request, api),

  'POST profile/contacts/email': (request, api) => startContactChange('email', request, api),

  'POST profile/contacts/confirm': (request, api) =>
    checkCode(request, api, 'contact', () => {
      const id = String(request.body?.['challengeId'] ?? '');
      const pending = pendingContacts(api).get(id);
      if (!pending) return refuse(request, api, 400, 'otp_expired');
      pendingContacts(api).delete(id);
      const before = api.profile[pending.kind];
      api.profile = { ...api.profile, [pending.kind]: pending.value };
      historyOf(api).record(pending.kind, [{ field: pending.kind, before, after: pending.value }], sessionIdOf(api));
      return ok(api.profile);
    }),

  'POST profile/contacts/resend': (request, api) =>
    resendCode(request, api, 'contact', (id) => {
      const pending = pendingContacts(api).get(id);
      if (!pending) return refuse(request, api, 400, 'otp_expired');
      return ok({ challenge: api.sendCode('contact', channels[pending.kind], destinationOf(pending.kind, pending.value), authPolicy.resendAfterSeconds, id) });
    }),

  'POST profile/password': (request, api) => {
    const { body, locale } = request;
    const refused = api.checkCurrentPassword(String(body?.['currentPassword'] ?? ''), locale);
    if (refused) return refused;
    const password = String(body?.['password'] ?? '');
    const { phone, email, snils } = api.profile;
    const logins = [phone, email, snils].filter((login): login is string => login !== null);
    const errors = passwordErrors(password, logins, locale, api.usedPasswords.includes(password));
    if (errors.length > 0) return refuse(request, api, 400, 'validation_failed', { errors });
    api.rememberPassword(password);
    const endedSessions = body?.['endOtherSessions'] === true ? api.revokeOtherSessions() : 0;
    historyOf(api).record('password', [{ field: 'password', before: null, after: null }], sessionIdOf(api));
    return ok({ endedSessions });
  },

  'PUT profile/second-factor': (request, api) => {
    const { body, locale } = request;
    const channel = body?.['channel'] === 'sms' || body?.['channel'] === 'email' ? body['channel'] : null;
    // The account holds an e-mail only once it is confirmed.
    if (channel !== null && (channel === 'sms' ? api.profile.phone : api.profile.email) === null) {
      return refuse(request, api, 400, 'validation_failed', { errors: [{ field: 'channel', code: 'contact_missing', message: missingContact[locale][channel] }] });
    }
    const refused = api.checkCurrentPassword(String(body?.['currentPassword'] ?? ''), locale);
    if (refused) return refused;
    const before = api.profile.secondFactor;
    if (before !== channel) {
      api.profile = { ...api.profile, secondFactor: channel };
      historyOf(api).record('second_factor', [{ field: 'secondFactor', before, after: channel }], sessionIdOf(api));
    }
    return ok(api.profile);
  },

  'GET profile/sign-ins': signInsPage,

  'GET profile/changes': changesPage,

  'POST profile/changes/:id/not-me': (request, api) => {
    const change = historyOf(api).changes.find(({ id }) => id === request.params['id']);
    if (!change) return refuse(request, api, 404, 'not_found', { detail: noSuchChange[request.locale] });
    // Every session ends, this one too, and the answer clears the cookie.
    api.revokeOtherSessions();
    api.signOut();
    change.reportedAt ??= Date.now();
    return ok({ signedOut: true, challenge: api.sendRecoveryCode(api.options.resendAfter) });
  },

  'GET profile/export.json': (_request, api) => ({
    kind: 'json',
    status: 200,
    body: dataExport(api),
    headers: { 'content-disposition': 'attachment; filename="cabinet-data.json"' },
  }),

  'GET profile/export.pdf': (_request, api) => ({
    kind: 'text',
    status: 200,
    contentType: 'application/pdf',
    body: pdfOf(api),
    headers: { 'content-disposition': 'attachment; filename="cabinet-data.pdf"' },
  }),

  'POST profile/close': (request, api) => {
    const refused = api.checkCurrentPassword(String(request.body?.['currentPassword'] ?? ''), request.locale);
    if (refused) return refused;
    // Every session ends and the answer clears the cookie; the account never signs in again.
    api.revokeOtherSessions();
    api.signOut();
    api.closed = true;
    return { kind: 'empty', status: 204 };
  },
};
