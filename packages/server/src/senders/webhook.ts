/**
 * The production sender: POSTs each message as JSON to the SMS or e-mail gateway's
 * webhook, `{ channel, to, code, purpose, text }` (`code` is `null` for a notice). Any
 * answer but 2xx, or none within the timeout, is a failed send.
 */
import type { OtpChannel } from '@mfc-cabinet/core/schemas';
import { messageText, type CodeSender, type OutgoingMessage } from './sender.js';

export class WebhookSender implements CodeSender {
  readonly #urls: Record<OtpChannel, string>;
  readonly #timeoutMs: number;

  constructor(urls: Record<OtpChannel, string>, timeoutMs = 10_000) {
    this.#urls = urls;
    this.#timeoutMs = timeoutMs;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const response = await fetch(this.#urls[message.channel], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...message, text: messageText(message) }),
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (!response.ok) throw new Error(`${message.channel} gateway answered ${response.status}`);
  }
}
