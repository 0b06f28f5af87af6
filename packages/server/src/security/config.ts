/**
 * The security section of the configuration: the time-based and counting rules of sign-in,
 * one-time codes, the lockout and sessions (docs/security.md lists them). Their defaults are
 * core's `authPolicy`, which the SDK and the stories' fake API follow too.
 */
import { authPolicy } from '@mfc-cabinet/core/schemas';
import { day, duration, integer, second, type Setting, type SettingValues } from '../settings.js';

/** The time-based and counting rules of sign-in and sessions (docs/security.md lists them). */
export interface SecurityRules {
  /** How long a one-time code is valid. */
  otpTtlMs: number;
  /** Wrong codes allowed per code; the last one ends the sign-in attempt. */
  otpMaxAttempts: number;
  /** How long after a send the next code may be requested. */
  otpResendAfterMs: number;
  /**
   * Codes (and notices in their place) sent within an hour and not used, sign-in and resend
   * alike: per account for sign-in, per phone for registration, per address for e-mail
   * confirmation, per login for recovery. A code that was entered stops counting.
   */
  otpMaxSendsPerHour: number;
  /**
   * How long an attempt waiting for its code lives (sign-in, registration, e-mail
   * confirmation, recovery), so that a code can be re-sent.
   */
  loginChallengeTtlMs: number;
  /**
   * How long the permission to set a new password lasts after a right recovery code, or
   * after signing in with a temporary password.
   */
  recoveryTokenTtlMs: number;
  /** How long a temporary password an МФЦ operator issued works (once). */
  temporaryPasswordTtlMs: number;
  /** How long the code for confirming the identity at an МФЦ is valid. */
  identityCodeTtlMs: number;
  /** How many recent passwords of an account (the current one included) a new one may not repeat. */
  passwordHistorySize: number;
  /** Wrong passwords in a row before sign-in is locked. */
  lockoutThreshold: number;
  /** The first lockout; each later one doubles. */
  lockoutBaseMs: number;
  /** The longest lockout. */
  lockoutMaxMs: number;
  /** A session ends after this long without use. */
  sessionIdleMs: number;
  /** A session ends this long after sign-in whatever happens. */
  sessionAbsoluteMs: number;
  /** How long a browser stays known to an account (the lockout exemption of the device cookie). */
  deviceTtlMs: number;
}

/** The environment variables of the {@link SecurityRules}, by rule. */
export const securitySettings = {
  otpTtlMs: duration('OTP_TTL_SECONDS', authPolicy.codeLifetimeSeconds, second, 'How long a one-time code is valid.'),
  otpMaxAttempts: integer('OTP_MAX_ATTEMPTS', authPolicy.codeAttempts, 'Tries per one-time code; the last wrong one ends the sign-in attempt.'),
  otpResendAfterMs: duration('OTP_RESEND_AFTER_SECONDS', authPolicy.resendAfterSeconds, second, 'Wait before a new code may be requested.'),
  otpMaxSendsPerHour: integer(
    'OTP_MAX_SENDS_PER_HOUR',
    authPolicy.codeSendsPerHour,
    'Codes (or notices in their place) sent within an hour and not used: to one account at sign-in, to one phone at registration, to one address for e-mail confirmation, for one login at password recovery. A code that was entered stops counting.',
  ),
  loginChallengeTtlMs: duration(
    'LOGIN_CHALLENGE_TTL_SECONDS',
    authPolicy.challengeLifetimeSeconds,
    second,
    'How long a sign-in, registration, e-mail confirmation or password recovery waits for its code (codes can be re-sent within it).',
  ),
  recoveryTokenTtlMs: duration(
    'RECOVERY_TOKEN_TTL_SECONDS',
    authPolicy.resetTokenLifetimeSeconds,
    second,
    'How long the permission to set a new password lasts once the recovery code was right, or after signing in with a temporary password.',
  ),
  temporaryPasswordTtlMs: duration(
    'TEMPORARY_PASSWORD_TTL_SECONDS',
    authPolicy.temporaryPasswordLifetimeSeconds,
    second,
    'How long a temporary password issued by an МФЦ operator works; it works once, and then the citizen chooses a new password.',
  ),
  identityCodeTtlMs: duration(
    'IDENTITY_CODE_TTL_SECONDS',
    authPolicy.identityCodeLifetimeSeconds,
    second,
    'How long the code the cabinet shows for confirming the identity at an МФЦ (and its QR code) is valid.',
  ),
  passwordHistorySize: integer(
    'PASSWORD_HISTORY_SIZE',
    authPolicy.passwordHistorySize,
    'How many recent passwords of an account, the current one included, a new password may not repeat.',
    24,
  ),
  lockoutThreshold: integer('LOCKOUT_THRESHOLD', authPolicy.lockoutThreshold, 'Wrong passwords in a row before sign-in with that login is locked.'),
  lockoutBaseMs: duration('LOCKOUT_SECONDS', authPolicy.lockoutSeconds, second, 'The first lockout; each later one doubles.'),
  lockoutMaxMs: duration('LOCKOUT_MAX_SECONDS', authPolicy.lockoutMaxSeconds, second, 'The longest lockout.'),
  sessionIdleMs: duration('SESSION_IDLE_SECONDS', authPolicy.idleTimeoutSeconds, second, 'A session ends after this long without use.'),
  sessionAbsoluteMs: duration('SESSION_ABSOLUTE_SECONDS', authPolicy.absoluteTimeoutSeconds, second, 'A session ends this long after sign-in.'),
  deviceTtlMs: duration(
    'DEVICE_COOKIE_DAYS',
    authPolicy.deviceCookieDays,
    day,
    'How long a browser that signed in stays exempt from the lockout of its account (the device cookie).',
  ),

} satisfies Record<keyof SecurityRules, Setting<unknown>>;

/** The rules, from the parsed settings. */
export function securityRules(v: SettingValues<typeof securitySettings>): SecurityRules {
  return {
    otpTtlMs: v.otpTtlMs,
    otpMaxAttempts: v.otpMaxAttempts,
    otpResendAfterMs: v.otpResendAfterMs,
    otpMaxSendsPerHour: v.otpMaxSendsPerHour,
    loginChallengeTtlMs: v.loginChallengeTtlMs,
    recoveryTokenTtlMs: v.recoveryTokenTtlMs,
    temporaryPasswordTtlMs: v.temporaryPasswordTtlMs,
    identityCodeTtlMs: v.identityCodeTtlMs,
    passwordHistorySize: v.passwordHistorySize,
    lockoutThreshold: v.lockoutThreshold,
    lockoutBaseMs: v.lockoutBaseMs,
    lockoutMaxMs: v.lockoutMaxMs,
    sessionIdleMs: v.sessionIdleMs,
    sessionAbsoluteMs: v.sessionAbsoluteMs,
    deviceTtlMs: v.deviceTtlMs,
  };
}

/** What is wrong with the rules taken together. */
export function securityChecks(v: SettingValues<typeof securitySettings>): string[] {
  const problems: string[] = [];
  if (v.sessionIdleMs > v.sessionAbsoluteMs) problems.push('SESSION_IDLE_SECONDS must not exceed SESSION_ABSOLUTE_SECONDS.');
  if (v.lockoutBaseMs > v.lockoutMaxMs) problems.push('LOCKOUT_SECONDS must not exceed LOCKOUT_MAX_SECONDS.');
  if (v.otpTtlMs > v.loginChallengeTtlMs) problems.push('OTP_TTL_SECONDS must not exceed LOGIN_CHALLENGE_TTL_SECONDS.');
  return problems;
}
