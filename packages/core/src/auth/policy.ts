/**
 * The default rules of sign-in, codes, passwords and sessions, once: the reference server
 * takes the defaults of its settings from here (each can be changed by an environment
 * variable, named next to it), and the fake API of the stories follows them. All times are
 * in seconds. docs/security.md explains each rule.
 */
import { passwordMaxLength, passwordMinLength, type PasswordProblem } from '../passwords.js';

export const authPolicy = {
  /** Digits in a one-time code. */
  codeLength: 6,
  /** Tries per one-time code; the last wrong one ends the attempt (`OTP_MAX_ATTEMPTS`). */
  codeAttempts: 3,
  /** How long a one-time code is valid (`OTP_TTL_SECONDS`). */
  codeLifetimeSeconds: 300,
  /** How long after a send the next code may be requested (`OTP_RESEND_AFTER_SECONDS`). */
  resendAfterSeconds: 60,
  /** Codes (or notices in their place) sent within an hour and not used, per account, phone, address or login (`OTP_MAX_SENDS_PER_HOUR`). */
  codeSendsPerHour: 5,
  /** How long a sign-in, registration, e-mail confirmation or recovery waits for its code (`LOGIN_CHALLENGE_TTL_SECONDS`). */
  challengeLifetimeSeconds: 900,
  /**
   * How long the permission to set a new password lasts: the reset token after a right
   * recovery code, and the change token after a sign-in with a temporary password
   * (`RECOVERY_TOKEN_TTL_SECONDS`).
   */
  resetTokenLifetimeSeconds: 900,
  /** How long a temporary password issued by an МФЦ operator works, once (`TEMPORARY_PASSWORD_TTL_SECONDS`). */
  temporaryPasswordLifetimeSeconds: 86_400,
  /** How long the code for confirming the identity at an МФЦ is valid (`IDENTITY_CODE_TTL_SECONDS`). */
  identityCodeLifetimeSeconds: 600,
  /** Recent passwords of an account, the current one included, a new one may not repeat (`PASSWORD_HISTORY_SIZE`). */
  passwordHistorySize: 5,
  /** Wrong passwords in a row before sign-in with that login is locked (`LOCKOUT_THRESHOLD`). */
  lockoutThreshold: 5,
  /** The first lockout; each later one doubles (`LOCKOUT_SECONDS`). */
  lockoutSeconds: 900,
  /** The longest lockout (`LOCKOUT_MAX_SECONDS`). */
  lockoutMaxSeconds: 86_400,
  /** A session ends after this long without use (`SESSION_IDLE_SECONDS`). */
  idleTimeoutSeconds: 300,
  /** A session ends this long after sign-in whatever happens (`SESSION_ABSOLUTE_SECONDS`). */
  absoluteTimeoutSeconds: 8 * 3600,
  /** How long a browser that signed in stays exempt from its account's lockout (`DEVICE_COOKIE_DAYS`). */
  deviceCookieDays: 180,
} as const;

export type AuthPolicy = typeof authPolicy;

/** What the server tells the citizen for each refused password rule (field errors on `password`). */
export const passwordMessagesRu: Record<PasswordProblem, string> = {
  password_length: `Пароль должен быть длиной от ${passwordMinLength} до ${passwordMaxLength} символов`,
  password_lowercase: 'Добавьте строчную букву',
  password_uppercase: 'Добавьте заглавную букву',
  password_digit: 'Добавьте цифру',
  password_special: 'Добавьте специальный символ, например ! ? % или -',
  password_not_login: 'Пароль не должен содержать телефон, почту или СНИЛС',
  password_common: 'Этот пароль слишком распространён, его легко подобрать. Придумайте другой.',
  password_reused: 'Этот пароль уже использовался. Придумайте новый.',
};
