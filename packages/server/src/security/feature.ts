/** Sessions and the citizen's devices, one-time codes, the lockout, the audit log. */
import type { ServerFeature } from '../feature.js';
import { loadGeoLiteCityCsv, type GeoIpLookup } from '../http/geoip.js';
import { SessionGuard } from '../http/session-guard.js';
import { Messenger, noticeJob } from '../senders/messenger.js';
import { AuditLog } from './audit.js';
import { TrustedDevices } from './devices.js';
import { LoginThrottle } from './lockout.js';
import { securityMigrations } from './migrations.js';
import { CodeChallenges } from './otp.js';
import { PasswordPolicy } from './password-policy.js';
import { PasswordResets } from './password-resets.js';
import { PasswordHasher } from './passwords.js';
import { securityRetention } from './retention.js';
import { Sessions } from './sessions.js';
import { sessionRoutes } from './sessions-routes.js';
import type { SecurityTables } from './tables.js';

export interface SecurityServices {
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  sessions: Sessions;
  /** Checks the session (and the CSRF token) of a request. */
  guard: SessionGuard;
  audit: AuditLog;
  /** Sends codes and notices in the background. */
  messenger: Messenger;
  challenges: CodeChallenges;
  throttle: LoginThrottle;
  resets: PasswordResets;
  devices: TrustedDevices;
  /** The city of an address, when `GEOIP_CITY_CSV` is set; `null` otherwise. */
  geoIp: GeoIpLookup | null;
}

export const securityFeature: ServerFeature<SecurityTables, SecurityServices> = {
  name: 'security',
  retention: securityRetention,
  services({ config, clock, db, sender, tasks, jobs, accounts }) {
    const { rules } = config;
    const hasher = new PasswordHasher(config.passwordHashCost);
    const sessions = new Sessions(db, clock, rules);
    const audit = new AuditLog(db, clock);
    const messenger = new Messenger(sender, audit, tasks, jobs);
    return {
      hasher,
      policy: new PasswordPolicy(accounts, hasher, rules.passwordHistorySize),
      sessions,
      guard: new SessionGuard(sessions, accounts),
      audit,
      messenger,
      challenges: new CodeChallenges({ db, clock, rules, messenger, audit }),
      throttle: new LoginThrottle(db, clock, rules),
      resets: new PasswordResets(db, clock, rules.recoveryTokenTtlMs),
      devices: new TrustedDevices(db, clock, rules.deviceTtlMs),
      geoIp: config.geoIpCityCsv === undefined ? null : loadGeoLiteCityCsv(config.geoIpCityCsv),
    };
  },
  // Notices sent after the answer: they survive a restart, and a gateway's failure is retried.
  jobs: ({ messenger }) => ({ [noticeJob]: messenger.noticeJob }),
  tags: [{ name: 'sessions', description: 'The citizen’s sessions on other devices, and ending them.' }],
  // Its first tables were created by the first migrations (the accounts and auth features').
  migrations: securityMigrations,
  async routes(api, { context }) {
    await api.register(sessionRoutes, { context });
  },
};
