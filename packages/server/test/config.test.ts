import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, configDocs, loadConfig, repoRoot } from '../src/config.js';

const demo = { MFC_MODE: 'demo' };

describe('configuration from the environment', () => {
  test('safe defaults, the documented security numbers', () => {
    const config = loadConfig(demo, '/srv/cabinet');
    assert.equal(config.port, 8080);
    assert.equal(config.host, 'localhost');
    assert.equal(config.dataDir, '/srv/cabinet/data');
    assert.deepEqual(config.allowedOrigins, []);
    assert.equal(config.siteDir, join(repoRoot, 'examples/municipal-site'));
    assert.equal(config.widgetsDir, join(repoRoot, 'packages/widgets/cdn'));
    assert.equal(config.storybookDir, join(repoRoot, 'storybook-static'));
    assert.equal(config.logLevel, 'info');
    assert.equal(config.rateLimitPerMinute, 300);
    assert.equal(config.passwordHashCost, 15);
    assert.equal(config.registryCheckDelayMs, 2000);
    assert.deepEqual(config.rules, {
      otpTtlMs: 5 * 60_000,
      otpMaxAttempts: 3,
      otpResendAfterMs: 60_000,
      otpMaxSendsPerHour: 5,
      loginChallengeTtlMs: 15 * 60_000,
      recoveryTokenTtlMs: 15 * 60_000,
      temporaryPasswordTtlMs: 24 * 3_600_000,
      identityCodeTtlMs: 10 * 60_000,
      passwordHistorySize: 5,
      lockoutThreshold: 5,
      lockoutBaseMs: 15 * 60_000,
      lockoutMaxMs: 24 * 3_600_000,
      sessionIdleMs: 5 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
      deviceTtlMs: 180 * 86_400_000,
    });
  });

  test('the repository root is the one holding packages/server', () => {
    assert.equal(resolve(repoRoot, 'packages/server/src'), resolve(import.meta.dirname, '../src'));
  });

  test('every setting can be overridden', () => {
    const config = loadConfig(
      {
        ...demo,
        PORT: '9000',
        HOST: '0.0.0.0',
        ALLOW_DEMO_ON_NETWORK: '1',
        DATA_DIR: 'var/db',
        ALLOWED_ORIGINS: 'https://gorod.example, http://localhost:3000/',
        SITE_DIR: '/srv/site',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '60',
        OTP_TTL_SECONDS: '120',
        LOCKOUT_THRESHOLD: '10',
        SESSION_IDLE_SECONDS: '600',
        RECOVERY_TOKEN_TTL_SECONDS: '300',
        PASSWORD_HISTORY_SIZE: '3',
        REGISTRY_CHECK_DELAY_MS: '0',
        TEMPORARY_PASSWORD_TTL_SECONDS: '3600',
        IDENTITY_CODE_TTL_SECONDS: '120',
      },
      '/work',
    );
    assert.equal(config.port, 9000);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.dataDir, '/work/var/db');
    assert.deepEqual(config.allowedOrigins, ['https://gorod.example', 'http://localhost:3000']);
    assert.equal(config.siteDir, '/srv/site');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.rateLimitPerMinute, 60);
    assert.equal(config.rules.otpTtlMs, 120_000);
    assert.equal(config.rules.lockoutThreshold, 10);
    assert.equal(config.rules.sessionIdleMs, 600_000);
    assert.equal(config.rules.recoveryTokenTtlMs, 300_000);
    assert.equal(config.rules.passwordHistorySize, 3);
    assert.equal(config.registryCheckDelayMs, 0, 'no delay is allowed');
    assert.equal(config.rules.temporaryPasswordTtlMs, 3_600_000);
    assert.equal(config.rules.identityCodeTtlMs, 120_000);
  });

  test('a reverse proxy is trusted only when said so', () => {
    assert.equal(loadConfig(demo).trustProxy, false);
    assert.equal(loadConfig({ ...demo, TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ ...demo, TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ ...demo, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  });

  test('the database is SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL', () => {
    const sqlite = loadConfig(demo);
    assert.equal(sqlite.databaseUrl, undefined);
    assert.equal(sqlite.databasePoolSize, 10);
    const url = 'postgres://cabinet:s3cret@db.internal:5432/cabinet';
    const postgres = loadConfig({ ...demo, DATABASE_URL: url, DATABASE_POOL_SIZE: '25' });
    assert.equal(postgres.databaseUrl, url);
    assert.equal(postgres.databasePoolSize, 25);
    assert.equal(loadConfig({ ...demo, DATABASE_URL: 'postgresql://db.internal/cabinet' }).databaseUrl, 'postgresql://db.internal/cabinet');
    for (const wrong of ['mysql://cabinet:s3cret@db.internal/cabinet', 'db.internal:5432', 'sqlite:cabinet.sqlite']) {
      assert.throws(
        () => loadConfig({ ...demo, DATABASE_URL: wrong }),
        (error: unknown) => error instanceof ConfigError && /DATABASE_URL: expected a URL such as postgres:/.test(error.message) && !error.message.includes('s3cret'),
        wrong,
      );
    }
    assert.throws(() => loadConfig({ ...demo, DATABASE_POOL_SIZE: '0' }), /DATABASE_POOL_SIZE/);
  });

  test('test mode hashes passwords cheaply', () => {
    assert.equal(loadConfig({ MFC_MODE: 'test' }).passwordHashCost, 10);
  });

  test('wrong values are refused, each one named', () => {
    assert.throws(
      () => loadConfig({ ...demo, PORT: '80a', RATE_LIMIT_PER_MINUTE: '0', MFC_MODE: 'staging', ALLOWED_ORIGINS: 'gorod.example' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        ['PORT', 'RATE_LIMIT_PER_MINUTE', 'MFC_MODE', 'ALLOWED_ORIGINS'].every((name) => error.message.includes(name)),
    );
    assert.throws(() => loadConfig({ ...demo, PORT: '70000' }), /PORT/);
    assert.throws(() => loadConfig({ ...demo, ALLOWED_ORIGINS: 'https://gorod.example/path' }), /ALLOWED_ORIGINS/);
    assert.throws(() => loadConfig({ ...demo, SESSION_IDLE_SECONDS: '30000' }), /SESSION_IDLE_SECONDS/);
    assert.throws(() => loadConfig({ ...demo, REGISTRY_CHECK_DELAY_MS: '-1' }), /REGISTRY_CHECK_DELAY_MS/);
    assert.throws(() => loadConfig({ ...demo, PASSWORD_HISTORY_SIZE: '0' }), /PASSWORD_HISTORY_SIZE/);
    assert.throws(() => loadConfig({ ...demo, TIME_ZONE: 'Moscow' }), /TIME_ZONE: expected an IANA time zone/);
    assert.equal(loadConfig({ ...demo, TIME_ZONE: 'Asia/Yekaterinburg' }).timeZone, 'Asia/Yekaterinburg');
    assert.equal(loadConfig(demo).timeZone, 'Europe/Moscow');
  });

  test('production mode without the code gateways refuses to start', () => {
    assert.throws(() => loadConfig({}), /SMS_WEBHOOK_URL and EMAIL_WEBHOOK_URL/);
    assert.throws(() => loadConfig({ SMS_WEBHOOK_URL: 'https://sms.example/send' }), /EMAIL_WEBHOOK_URL/);
    const config = loadConfig({ SMS_WEBHOOK_URL: 'https://sms.example/send', EMAIL_WEBHOOK_URL: 'https://mail.example/send' });
    assert.equal(config.mode, 'production');
    assert.throws(() => loadConfig({ SMS_WEBHOOK_URL: 'ftp://sms.example', EMAIL_WEBHOOK_URL: 'x' }), /SMS_WEBHOOK_URL/);
  });

  test('test mode refuses to start when NODE_ENV=production', () => {
    assert.throws(() => loadConfig({ MFC_MODE: 'test', NODE_ENV: 'production' }), /NODE_ENV=production/);
  });

  test('every variable is documented with its default', () => {
    const names = configDocs.map(({ name }) => name);
    for (const name of ['PORT', 'HOST', 'DATA_DIR', 'ALLOWED_ORIGINS', 'MFC_MODE', 'SITE_DIR', 'WIDGETS_DIR', 'STORYBOOK_DIR', 'LOG_LEVEL', 'RATE_LIMIT_PER_MINUTE', 'SMS_WEBHOOK_URL', 'EMAIL_WEBHOOK_URL', 'OTP_TTL_SECONDS', 'LOCKOUT_SECONDS', 'SESSION_ABSOLUTE_SECONDS', 'RECOVERY_TOKEN_TTL_SECONDS', 'PASSWORD_HISTORY_SIZE', 'REGISTRY_CHECK_DELAY_MS', 'TEMPORARY_PASSWORD_TTL_SECONDS', 'IDENTITY_CODE_TTL_SECONDS']) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(new Set(names).size, names.length);
    assert.ok(configDocs.every(({ description }) => description.length > 10));
    assert.equal(configDocs.find(({ name }) => name === 'SITE_DIR')?.default, '<repo>/examples/municipal-site');
  });
});
