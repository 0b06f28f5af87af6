import { expect } from '@open-wc/testing';
import { advanceClock, createAccount, latestCode, waitFor } from '../../../test-support/cabinet-api.js';
import type { AuthState } from './auth/client.js';
import { clientsPerTest } from '../../../test-support/clients.js';
import { CabinetError, isCabinetError } from './errors.js';

async function failure(promise: Promise<unknown>): Promise<CabinetError> {
  try {
    await promise;
  } catch (error) {
    expect(isCabinetError(error), `${error}`).to.be.true;
    return error as CabinetError;
  }
  throw new Error('Expected the call to fail');
}

const client = clientsPerTest();

describe('createCabinetClient against the real server', () => {
  it('signs in with a one-time code, reads the profile, and signs out', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    const sdk = client();
    expect((await sdk.auth.refresh()).status).to.equal('signed-out');

    const result = await sdk.auth.login({ identifier: account.phone, password: account.password });
    expect(result.status).to.equal('code_required');
    if (result.status !== 'code_required') return;
    expect(result.challenge.channel).to.equal('sms');
    expect(result.challenge.destination).to.not.include(account.phone.slice(-7, -2));

    const signedIn = await sdk.auth.verifyCode({ challengeId: result.challenge.id, code: await latestCode(account.phone) });
    expect(signedIn.status === 'authenticated' && signedIn.session.user.id).to.equal(account.id);
    expect(sdk.auth.state.status).to.equal('signed-in');
    expect(document.cookie, 'the session cookie is HttpOnly').to.not.include('mfc_session');

    const profile = await sdk.profile.get();
    expect(profile.id).to.equal(account.id);
    expect(profile.phone).to.equal(account.phone);

    await sdk.auth.logout();
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'logout' });
    expect((await failure(sdk.profile.get())).code).to.equal('unauthenticated');
  });

  it('signs in by e-mail and by СНИЛС too', async () => {
    const account = await createAccount({ secondFactor: null });
    for (const identifier of [account.email.toUpperCase(), account.snils]) {
      const sdk = client();
      const result = await sdk.auth.login({ identifier, password: account.password });
      expect(result.status, identifier).to.equal('authenticated');
      await sdk.auth.logout();
    }
  });

  it('answers a wrong password with invalid_credentials and the attempts left', async () => {
    const account = await createAccount();
    const error = await failure(client().auth.login({ identifier: account.phone, password: 'Wrong-password-1' }));
    expect(error.code).to.equal('invalid_credentials');
    expect(error.status).to.equal(401);
    expect(error.attemptsLeft).to.equal(4);
    expect(error.message).to.be.a('string').and.not.empty;
  });

  it('answers an unknown login exactly as a wrong password', async () => {
    const error = await failure(client().auth.login({ identifier: '+7 999 123-00-00', password: 'Whatever-1!' }));
    expect(error.code).to.equal('invalid_credentials');
    expect(error.attemptsLeft).to.equal(4);
  });

  it('locks sign-in after five failures and says for how long', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    const sdk = client();
    for (let i = 0; i < 5; i++) await failure(sdk.auth.login({ identifier: account.email, password: 'Wrong-password-1' }));
    const locked = await failure(sdk.auth.login({ identifier: account.email, password: account.password }));
    expect(locked.code).to.equal('account_locked');
    expect(locked.retryAfter).to.be.within(14 * 60, 15 * 60);
    await advanceClock(15 * 60 * 1000 + 1000);
    expect((await sdk.auth.login({ identifier: account.email, password: account.password })).status).to.equal('code_required');
  });

  it('reports field errors of bad input with the validation_failed code', async () => {
    const error = await failure(client().auth.login({ identifier: '', password: '' }));
    expect(error.code).to.equal('validation_failed');
    expect(error.fieldErrors.map((field) => field.field)).to.include.members(['identifier', 'password']);
  });

  it('refuses a wrong code with the tries left, then a used code', async () => {
    const account = await createAccount({ secondFactor: 'email' });
    const sdk = client();
    const result = await sdk.auth.login({ identifier: account.email, password: account.password });
    if (result.status !== 'code_required') throw new Error('expected a code');
    const code = await latestCode(account.email);
    const wrong = code === '000000' ? '111111' : '000000';
    const error = await failure(sdk.auth.verifyCode({ challengeId: result.challenge.id, code: wrong }));
    expect(error.code).to.equal('otp_invalid');
    expect(error.attemptsLeft).to.equal(2);
    await sdk.auth.verifyCode({ challengeId: result.challenge.id, code });
    await sdk.auth.logout();
    expect((await failure(sdk.auth.verifyCode({ challengeId: result.challenge.id, code }))).code).to.equal('otp_expired');
  });

  it('refuses to resend a code before a minute has passed, then sends a new one', async () => {
    const account = await createAccount({ secondFactor: 'sms' });
    const sdk = client();
    const result = await sdk.auth.login({ identifier: account.phone, password: account.password });
    if (result.status !== 'code_required') throw new Error('expected a code');
    const first = await latestCode(account.phone);
    const tooSoon = await failure(sdk.auth.resendCode({ challengeId: result.challenge.id }));
    expect(tooSoon.code).to.equal('rate_limited');
    expect(tooSoon.retryAfter).to.be.within(1, 60);
    await advanceClock(61_000);
    const challenge = await sdk.auth.resendCode({ challengeId: result.challenge.id });
    expect(challenge.resendAfter).to.equal(60);
    const second = await latestCode(account.phone);
    if (second !== first) {
      const stale = await failure(sdk.auth.verifyCode({ challengeId: result.challenge.id, code: first }));
      expect(stale.code).to.equal('otp_invalid');
    }
    await sdk.auth.verifyCode({ challengeId: result.challenge.id, code: second });
  });

  it('tells every client of the site when one signs out, as in another tab', async () => {
    const account = await createAccount({ secondFactor: null });
    const thisTab = client();
    const otherTab = client();
    await thisTab.auth.login({ identifier: account.phone, password: account.password });
    await waitFor(() => otherTab.auth.state.status === 'signed-in', 5000, 'the other tab to see the sign-in');

    const seen: AuthState[] = [];
    otherTab.auth.subscribe((state) => seen.push(state));
    await thisTab.auth.logout();
    await waitFor(() => otherTab.auth.state.status === 'signed-out', 5000, 'the other tab to see the sign-out');
    expect(otherTab.auth.state).to.deep.equal({ status: 'signed-out', reason: 'other-tab' });
    expect(seen.at(-1)).to.deep.equal({ status: 'signed-out', reason: 'other-tab' });
  });

  it('notices a session that ended by inactivity on the next request', async () => {
    const account = await createAccount({ secondFactor: null });
    const sdk = client();
    await sdk.auth.login({ identifier: account.phone, password: account.password });
    await advanceClock(5 * 60 * 1000 + 1000);
    const error = await failure(sdk.profile.get());
    expect(error.code).to.equal('session_expired');
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'expired' });
  });
});

describe('createCabinetClient against a faulty transport', () => {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('turns an answer that does not match the contract into invalid_response', async () => {
    const sdk = client({ fetch: async () => json({ session: { user: 'nobody' } }) });
    const error = await failure(sdk.auth.refresh());
    expect(error.code).to.equal('invalid_response');
  });

  it('turns a refused connection into network', async () => {
    const sdk = client({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await failure(sdk.auth.refresh())).code).to.equal('network');
  });

  it('turns a 503 without problem details into server_unavailable after retrying', async () => {
    let calls = 0;
    const sdk = client({
      fetch: async () => {
        calls++;
        return new Response('<html>Bad gateway</html>', { status: 503, headers: { 'content-type': 'text/html' } });
      },
    });
    const error = await failure(sdk.auth.refresh());
    expect(error.code).to.equal('server_unavailable');
    expect(error.status).to.equal(503);
    expect(calls, 'GET is retried').to.equal(3);
  });

  it('never retries a sign-in', async () => {
    let calls = 0;
    const sdk = client({
      fetch: async () => {
        calls++;
        return new Response('', { status: 503 });
      },
    });
    await failure(sdk.auth.login({ identifier: '+79000000001', password: 'x' }));
    expect(calls).to.equal(1);
  });

  it('says the session cookie was blocked when the sign-in succeeds but no session follows', async () => {
    const session = {
      user: { id: 'u1', displayName: 'Иван И.', level: 'standard', role: 'citizen' },
      csrfToken: 'token',
      createdAt: new Date().toISOString(),
      idleExpiresAt: new Date(Date.now() + 300_000).toISOString(),
      expiresAt: new Date(Date.now() + 28_800_000).toISOString(),
      idleExpiresIn: 300,
      expiresIn: 28_800,
      idleTimeout: 300,
    };
    const sdk = client({
      fetch: async (input) => {
        const url = input instanceof Request ? input.url : String(input);
        return url.endsWith('/auth/session') ? json({ session: null }) : json({ status: 'authenticated', session });
      },
    });
    const error = await failure(sdk.auth.login({ identifier: '+79000000001', password: 'x' }));
    expect(error.code).to.equal('session_cookie_blocked');
    expect(sdk.auth.state.status).to.not.equal('signed-in');
  });

  it('gives English messages when asked', async () => {
    const sdk = client({
      locale: 'en',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await failure(sdk.auth.refresh())).message).to.equal('Cannot reach the server. Check your internet connection.');
  });

  it('serialises errors with their code', () => {
    const error = new CabinetError('rate_limited', { status: 429, retryAfter: 30 });
    expect(JSON.parse(JSON.stringify(error))).to.include({ name: 'CabinetError', code: 'rate_limited', status: 429, retryAfter: 30 });
    expect(isCabinetError({ name: 'CabinetError', code: 'rate_limited' })).to.be.true;
    expect(isCabinetError({ name: 'CabinetError', code: 'made_up' })).to.be.false;
    expect(isCabinetError(new Error('x'))).to.be.false;
  });
});
