/** What the server prints once it listens: where everything is and, in demo mode, who can sign in. */
import { fullName } from './accounts/accounts.js';
import { formatPhone } from './accounts/contacts.js';
import type { Config } from './config.js';
import { demoCitizens, demoOperator, demoOperatorPassword, demoPassword } from './db/seed.js';

const secondFactorText = { sms: 'code by SMS', email: 'code by e-mail' } as const;

/** The base URL people open: a wildcard listen address is reached as localhost. */
export function publicBaseUrl(host: string, port: number): string {
  const shown = ['0.0.0.0', '::', ''].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd());
}

export function banner(config: Config, version: string): string {
  const base = publicBaseUrl(config.host, config.port);
  const links = [
    ['Site', `${base}/`],
    ['API', `${base}/api/v1`],
    ['OpenAPI', `${base}/api/v1/openapi.json`],
    ['Storybook', `${base}/storybook/`],
    ...(config.mode === 'production' ? [] : [['Dev outbox', `${base}/dev/outbox   (one-time codes in ${config.mode} mode)`]]),
  ];
  const lines = [``, `MFC Cabinet server ${version}, ${config.mode} mode`, ``, ...table(links)];
  if (config.mode !== 'production') {
    lines.push(
      ``,
      `Demo citizens (password for all: ${demoPassword}):`,
      ...table(
        demoCitizens.map((citizen) => [
          fullName(citizen) ?? '',
          formatPhone(citizen.phone ?? ''),
          citizen.email ?? '',
          citizen.snils ? `СНИЛС ${citizen.snils}` : '',
          citizen.level,
          citizen.secondFactor ? secondFactorText[citizen.secondFactor] : 'no second factor',
        ]),
      ),
      ``,
      `Demo МФЦ operator (operator API at ${base}/api/v1/operator/; no second factor in ${config.mode} mode):`,
      ...table([
        [
          `Оператор МФЦ ${fullName(demoOperator) ?? ''}`,
          formatPhone(demoOperator.phone ?? ''),
          demoOperator.email ?? '',
          `password ${demoOperatorPassword}`,
        ],
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
