/**
 * Demo accounts for demo and test modes, created on first start: citizens sharing one
 * password, {@link demoPassword}, and an МФЦ operator with {@link demoOperatorPassword}. The
 * start banner lists them.
 */
import type { AccountLevel, OtpChannel } from '@mfc-cabinet/core/schemas';
import type { Account, Accounts, LoginReading } from '../accounts/accounts.js';
import type { Clock } from '../clock.js';
import type { PasswordHasher } from '../security/passwords.js';

/** The password of every demo citizen. */
export const demoPassword = 'Demo-2026!';

/** The password of the demo operator. */
export const demoOperatorPassword = 'Mfc-Desk-2026!';

export type DemoCitizen = Omit<Account, 'passwordHash' | 'createdAt'>;

const citizen = (
  id: string,
  level: AccountLevel,
  secondFactor: OtpChannel | null,
  fields: Partial<DemoCitizen> & Pick<DemoCitizen, 'lastName' | 'firstName' | 'phone' | 'email'>,
): DemoCitizen => ({
  id,
  level,
  role: 'citizen',
  secondFactor,
  middleName: null,
  birthDate: null,
  snils: null,
  inn: null,
  passportSeries: null,
  passportNumber: null,
  passportIssuedAt: null,
  passportIssuedBy: null,
  registrationAddress: null,
  temporaryPasswordExpiresAt: null,
  pendingSnils: null,
  registryStatus: level === 'simplified' ? 'not_submitted' : 'verified',
  registryReason: null,
  registryCheckId: null,
  ...fields,
});

export const demoCitizens: readonly DemoCitizen[] = [
  citizen('00000000-0000-4000-8000-000000000001', 'standard', 'sms', {
    lastName: 'Иванов',
    firstName: 'Иван',
    middleName: 'Иванович',
    birthDate: '1985-04-12',
    phone: '+79000000001',
    email: 'ivanov@example.ru',
    snils: '112-233-445 95',
    inn: '500100732259',
    passportSeries: '4510',
    passportNumber: '123456',
    passportIssuedAt: '2010-05-20',
    passportIssuedBy: 'ОВД района Хамовники г. Москвы',
    registrationAddress: 'г. Заречный, ул. Ленина, д. 12, кв. 34',
  }),
  citizen('00000000-0000-4000-8000-000000000002', 'confirmed', 'email', {
    lastName: 'Петрова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
    birthDate: '1992-11-03',
    phone: '+79000000002',
    email: 'petrova@example.ru',
    snils: '234-567-891 00',
    inn: '771234567859',
    passportSeries: '4612',
    passportNumber: '654321',
    passportIssuedAt: '2012-12-01',
    passportIssuedBy: 'ТП УФМС России по Московской обл. в г. Одинцово',
    registrationAddress: 'г. Заречный, ул. Садовая, д. 5',
  }),
  citizen('00000000-0000-4000-8000-000000000003', 'simplified', null, {
    lastName: 'Сидоров',
    firstName: 'Пётр',
    middleName: 'Алексеевич',
    phone: '+79000000003',
    email: 'sidorov@example.ru',
  }),
];

/**
 * The МФЦ operator «Смирнова Елена», who may use the operator API. Without a second factor
 * in the demo; a real deployment gives operators one.
 */
export const demoOperator: DemoCitizen = {
  ...citizen('00000000-0000-4000-8000-000000000009', 'confirmed', null, {
    lastName: 'Смирнова',
    firstName: 'Елена',
    phone: '+79000000009',
    email: 'operator@mfc.example',
  }),
  role: 'operator',
};

/**
 * Creates the demo accounts that do not exist yet (one whose phone or e-mail somebody
 * registered meanwhile is left out).
 */
export async function seedDemoAccounts(accounts: Accounts, hasher: PasswordHasher, clock: Clock): Promise<void> {
  const seeds = [...demoCitizens.map((demo) => ({ demo, password: demoPassword })), { demo: demoOperator, password: demoOperatorPassword }];
  for (const { demo, password } of seeds) {
    if (await accounts.get(demo.id)) continue;
    const logins: LoginReading[] = [
      { kind: 'phone', value: demo.phone ?? '' },
      { kind: 'email', value: demo.email ?? '' },
    ];
    if ((await accounts.findByLogin(logins)).length > 0) continue;
    await accounts.create({ ...demo, passwordHash: await hasher.hash(password), createdAt: clock.now() });
  }
}
