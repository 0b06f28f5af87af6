/** The security feature's tables at the closure of an account (see `../retention.ts`). */
import type { RetentionOf } from '../retention.js';
import type { SecurityTables } from './tables.js';

export const securityRetention: RetentionOf<SecurityTables> = {
  sessions: { fate: 'deleted', what: 'every session of the account ends and its row goes, with its IP address and browser' },
  codeChallenges: { fate: 'deleted', what: 'one-time codes waiting, with the phone or e-mail they went to' },
  codeSends: { fate: 'expires', within: 'an hour (purged at the next code sent)', what: 'when codes were sent, under a hash of the account, phone or address, for the hourly limit' },
  passwordResets: { fate: 'deleted', what: 'recovery tokens not used' },
  loginThrottles: {
    fate: 'pseudonymised',
    keptFor: 'until the login typed signs in again (there is no purge yet)',
    why: 'a lockout must outlive the closure, as it outlives a wrong guess',
    what: 'counts of wrong passwords, kept under a hash of the login typed, never the account’s id',
  },
  trustedDevices: { fate: 'deleted', what: 'the browsers that signed in to the account (their device cookies stop counting)' },
  auditEvents: {
    fate: 'pseudonymised',
    keptFor: '3 years',
    why: 'the security log shows what happened to the account (sign-ins, lockouts, changes, operators’ acts) to the citizen, the МФЦ and an investigation',
    what: 'the events keep their kind, time and the account’s id (no longer tied to a person) and lose their details; IP addresses are shortened to their network (/24, /48)',
  },
};
