/**
 * The demo sender: keeps the last messages (codes and notices) in memory for the dev
 * outbox page and writes each one to the log, instead of sending anything.
 */
import type { FastifyBaseLogger } from 'fastify';
import { normalizePhone } from '@mfc-cabinet/core/validators';
import type { Clock } from '../clock.js';
import { messageText, type CodeSender, type OutgoingMessage } from './sender.js';

/** A message as sent, when, and the text the citizen would read; `code` is `null` for a notice. */
export type OutboxEntry = OutgoingMessage & {
  /** When it was "sent", ISO 8601. */
  at: string;
  text: string;
};

export class DevOutbox implements CodeSender {
  readonly #entries: OutboxEntry[] = [];
  readonly #clock: Clock;
  readonly #log: FastifyBaseLogger;
  readonly #capacity: number;

  constructor(clock: Clock, log: FastifyBaseLogger, capacity = 200) {
    this.#clock = clock;
    this.#log = log;
    this.#capacity = capacity;
  }

  send(message: OutgoingMessage): Promise<void> {
    this.#entries.push({ at: new Date(this.#clock.now()).toISOString(), ...message, text: messageText(message) });
    if (this.#entries.length > this.#capacity) this.#entries.shift();
    const what = message.code === null ? `notice ${message.purpose}` : `code ${message.code}`;
    this.#log.info({ channel: message.channel, to: message.to, purpose: message.purpose }, `Dev outbox: ${what} for ${message.to}`);
    return Promise.resolve();
  }

  /**
   * Messages, newest first; only those to `recipient` when given (a phone in any usual
   * spelling, or an e-mail address in any case).
   */
  entries(recipient?: string): OutboxEntry[] {
    const newestFirst = this.#entries.toReversed();
    if (recipient === undefined) return newestFirst;
    const wanted = normalizeRecipient(recipient);
    return newestFirst.filter((entry) => entry.to === wanted);
  }
}

function normalizeRecipient(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes('@') ? trimmed.toLowerCase() : (normalizePhone(trimmed) ?? trimmed);
}
