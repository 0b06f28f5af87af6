/**
 * Endpoints for automated tests, registered in test mode only: move the server's clock,
 * create a fresh citizen (or operator). They never exist in demo or production mode.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as z from 'zod/mini';
import { AccountLevel, OtpChannel, Role } from '@mfc-cabinet/core/schemas';
import type { ManualClock } from '../clock.js';
import type { AppContext } from '../context.js';
import { newTestCitizen, type TestCitizen } from '../accounts/test-citizens.js';

const year = 365 * 24 * 3_600_000;

const ClockRequest = z.strictObject({ advanceMs: z.int().check(z.minimum(0), z.maximum(year)) });
const ClockResponse = z.object({ now: z.string() });

const AccountRequest = z.strictObject({
  secondFactor: z.optional(z.nullable(OtpChannel)),
  level: z.optional(AccountLevel),
  role: z.optional(Role),
});
const AccountResponse = z.object({
  id: z.string(),
  phone: z.string(),
  email: z.string(),
  snils: z.string(),
  password: z.string(),
  level: AccountLevel,
  role: Role,
  secondFactor: z.nullable(OtpChannel),
});

export const testModeRoutes: FastifyPluginAsyncZod<{ context: AppContext; clock: ManualClock }> = async (
  app,
  { context, clock },
) => {
  app.post('/test/clock', { schema: { body: ClockRequest, response: { 200: ClockResponse } } }, (request) => ({
    now: new Date(clock.advance(request.body.advanceMs)).toISOString(),
  }));

  /** An account whose phone, e-mail and СНИЛС no account has yet. */
  const uniqueCitizen = async (level: AccountLevel, secondFactor: OtpChannel | null, role: Role): Promise<TestCitizen> => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const citizen = newTestCitizen(level, secondFactor, clock.now(), role);
      const { phone, email, snils } = citizen.account;
      const taken = await context.accounts.findByLogin([
        { kind: 'phone', value: phone },
        { kind: 'email', value: email },
        { kind: 'snils', value: snils },
      ]);
      if (taken.length === 0) return citizen;
    }
    throw new Error('no unique test citizen after 10 attempts');
  };

  /** A fresh account: a citizen, no second factor and level `standard` unless asked. */
  app.post('/test/accounts', { schema: { body: AccountRequest, response: { 200: AccountResponse } } }, async (request) => {
    const { level = 'standard', secondFactor = null, role = 'citizen' } = request.body;
    const { account, password } = await uniqueCitizen(level, secondFactor, role);
    await context.accounts.create({ ...account, passwordHash: await context.hasher.hash(password) });
    return {
      id: account.id,
      phone: account.phone,
      email: account.email,
      snils: account.snils,
      password,
      level,
      role,
      secondFactor,
    };
  });
};
