import { expect } from '@open-wc/testing';
import { createAccount, latestCode, outbox, unusedPhone, waitForAsync } from '../../../../test-support/cabinet-api.js';
import { clientsPerTest } from '../../../../test-support/clients.js';
import { CabinetError } from '../errors.js';

const client = clientsPerTest();

describe('client.profile: contacts, password, history', () => {
  it('changes the phone with the code sent to it, lists the change, and «Это был не я» signs out', async () => {
    const account = await createAccount({ secondFactor: null });
    const sdk = client();
    await sdk.auth.login({ identifier: account.phone, password: account.password });

    const wrong = await sdk.profile.changePhone({ phone: unusedPhone(), currentPassword: 'Wrong-password-1' }).catch((error: unknown) => error);
    expect((wrong as CabinetError).code).to.equal('invalid_credentials');
    expect((wrong as CabinetError).attemptsLeft).to.equal(4);

    const phone = unusedPhone().replace(/[\s-]/g, '');
    const challenge = await sdk.profile.changePhone({ phone, currentPassword: account.password });
    const profile = await sdk.profile.confirmContact({ challengeId: challenge.id, code: await latestCode(phone) });
    expect(profile.phone).to.equal(phone);
    await waitForAsync(async () => (await outbox(account.phone)).length > 0, 'the notice to the old phone');

    const { changes, nextCursor } = await sdk.profile.changes({ limit: 10 });
    expect(nextCursor).to.equal(null);
    expect(changes.map(({ kind }) => kind)).to.deep.equal(['phone']);
    expect(changes[0]!.changes[0]!.after).to.equal(`+7 ${phone.slice(2, 3)}** ***-**-${phone.slice(-2)}`);

    const reported = await sdk.profile.reportNotMe(changes[0]!.id);
    expect(reported.signedOut).to.equal(true);
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'not-me' });
    expect(((await sdk.profile.get().catch((error: unknown) => error)) as CabinetError).code).to.equal('unauthenticated');
  });

  it('closes the account with the current password: signed out for good, the login no longer works', async () => {
    const account = await createAccount({ secondFactor: null });
    const sdk = client();
    await sdk.auth.login({ identifier: account.phone, password: account.password });

    const wrong = await sdk.profile.close({ currentPassword: 'Wrong-password-1' }).catch((error: unknown) => error);
    expect((wrong as CabinetError).code).to.equal('invalid_credentials');
    expect(sdk.auth.state.status).to.equal('signed-in');

    await sdk.profile.close({ currentPassword: account.password });
    expect(sdk.auth.state).to.deep.equal({ status: 'signed-out', reason: 'account-deleted' });
    const again = await sdk.auth.login({ identifier: account.phone, password: account.password }).catch((error: unknown) => error);
    expect((again as CabinetError).code).to.equal('invalid_credentials');
  });
});
