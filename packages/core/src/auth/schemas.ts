/** The contract of signing in, registration, recovery and sessions. */
import * as z from 'zod/mini';
import { AccountLevel, isoDateTime, OtpChannel } from '../primitives.js';

// ---------------------------------------------------------------- sign-in


/** A one-time code was sent; the sign-in finishes with it. */
export const OtpChallenge = z.object({
  /** Opaque id of this sign-in attempt; a code is valid only for the attempt it was sent for. */
  id: z.string(),
  channel: OtpChannel,
  /** Masked destination, e.g. `+7 *** ***-45-67`. */
  destination: z.string(),
  codeLength: z.number(),
  /**
   * Seconds until the code expires, and until a new one may be requested. Relative, so
   * that countdowns are right whatever the browser's clock says.
   */
  expiresIn: z.number(),
  resendAfter: z.number(),
  attemptsLeft: z.number(),
});
export type OtpChallenge = z.infer<typeof OtpChallenge>;

/** Who a session belongs to: a citizen, or an МФЦ operator (who may use the operator API). */
export const Role = z.enum(['citizen', 'operator']);
export type Role = z.infer<typeof Role>;

export const SessionUser = z.object({
  id: z.string(),
  displayName: z.string(),
  level: AccountLevel,
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** A signed-in session, as the page may see it (the session id itself stays in an HttpOnly cookie). */
export const Session = z.object({
  user: SessionUser,
  /** Send in `X-CSRF-Token` with every state-changing request. */
  csrfToken: z.string(),
  createdAt: isoDateTime,
  /** When the session ends unless it is used before. */
  idleExpiresAt: isoDateTime,
  /** When the session ends whatever happens. */
  expiresAt: isoDateTime,
  /**
   * Seconds from this answer until the idle and the absolute end. Relative, so a warning
   * shows at the right moment whatever the browser's clock says. Every answer to a
   * request that used the session also carries the idle figure in the
   * `Cabinet-Session-Idle-Expires-In` header.
   */
  idleExpiresIn: z.number(),
  expiresIn: z.number(),
  /** The idle timeout itself, in seconds (5 minutes by default). */
  idleTimeout: z.number(),
});
export type Session = z.infer<typeof Session>;

/** The header with the seconds left before an idle session ends, on every answer that used it. */
export const sessionIdleHeader = 'cabinet-session-idle-expires-in';

/**
 * The header (value `1`) of a request the page made on its own, not the citizen: polling for
 * updates, a look when the tab comes back into view or the network returns. It does not
 * count as use: an idle session is not kept alive by a page left open.
 */
export const backgroundHeader = 'cabinet-background';

/**
 * The password was a temporary one issued by an МФЦ operator: it worked once, and the
 * sign-in finishes only with a new password (`POST auth/password/temporary`).
 */
export const PasswordChangeRequired = z.object({
  status: z.literal('password_change_required'),
  changeToken: z.string(),
  expiresIn: z.number(),
});

export const LoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('authenticated'), session: Session }),
  z.object({ status: z.literal('code_required'), challenge: OtpChallenge }),
  PasswordChangeRequired,
]);
export type LoginResponse = z.infer<typeof LoginResponse>;



export const SessionResponse = z.object({ session: z.nullable(Session) });
export type SessionResponse = z.infer<typeof SessionResponse>;

// ---------------------------------------------------------------- registration

/** The consent to the processing of personal data (152-ФЗ) a citizen must give to register. */
export const PersonalDataConsent = z.object({
  /** Version of the text; registration must name the current one. */
  version: z.string(),
  title: z.string(),
  /** Plain text, paragraphs separated by blank lines. */
  text: z.string(),
});
export type PersonalDataConsent = z.infer<typeof PersonalDataConsent>;


export const ChallengeResponse = z.object({ challenge: OtpChallenge });
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

/**
 * Step 2: the phone's code. The account is created (level «simplified») and signed in; when
 * an e-mail was given, `emailChallenge` is the code sent to it, to finish with
 * `POST profile/email/code`.
 */
export const RegistrationCompleted = z.object({
  status: z.literal('authenticated'),
  session: Session,
  emailChallenge: z.nullable(OtpChallenge),
});
export type RegistrationCompleted = z.infer<typeof RegistrationCompleted>;


// ---------------------------------------------------------------- recovery


/**
 * A recovery code was sent, if the account exists, to its phone (or e-mail, when recovery
 * started from the e-mail). The destination is not told: that would reveal the account.
 */
export const RecoveryChallenge = z.object({
  id: z.string(),
  codeLength: z.number(),
  expiresIn: z.number(),
  resendAfter: z.number(),
  attemptsLeft: z.number(),
});
export type RecoveryChallenge = z.infer<typeof RecoveryChallenge>;

export const RecoveryChallengeResponse = z.object({ challenge: RecoveryChallenge });

/** Step 2 answer: a one-time permission to set a new password. */
export const RecoveryVerified = z.object({
  resetToken: z.string(),
  expiresIn: z.number(),
});
export type RecoveryVerified = z.infer<typeof RecoveryVerified>;



// ---------------------------------------------------------------- sessions

/** One signed-in browser of the citizen, as «Безопасность» lists it. */
export const SessionInfo = z.object({
  /** Public id of the session (not its secret). */
  id: z.string(),
  /** This browser's own session. */
  current: z.boolean(),
  /** Browser and system, e.g. «Chrome, Windows», from the User-Agent. */
  device: z.string(),
  /** Where, if known (e.g. a city from the IP address); `null` otherwise. */
  place: z.nullable(z.string()),
  /** The IP address, masked (`192.168.1.*`). */
  ip: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const RevokedSessions = z.object({ revoked: z.number() });

// The bodies of requests, for the feature's other modules (only their types).
export type * from './request-schemas.js';
