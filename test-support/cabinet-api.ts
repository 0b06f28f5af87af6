/**
 * Helpers for browser tests: the test-mode endpoints of the real server (reached through
 * the test runner's proxy on the page's own origin) and its dev outbox.
 */

export interface TestAccount {
  id: string;
  phone: string;
  email: string;
  snils: string;
  password: string;
}

/** A fresh citizen no other test uses. */
export async function createAccount(options: { secondFactor?: 'sms' | 'email' | null; level?: string } = {}): Promise<TestAccount> {
  const response = await fetch('/api/v1/test/accounts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (!response.ok) throw new Error(`createAccount: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The newest one-time code the dev outbox holds for a phone or e-mail. */
export async function latestCode(to: string): Promise<string> {
  const response = await fetch(`/dev/outbox.json?to=${encodeURIComponent(to)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`latestCode: ${response.status}`);
  const messages: Array<{ code: string }> = await response.json();
  if (!messages[0]) throw new Error(`No code was sent to ${to}`);
  return messages[0].code;
}

/** Moves the server's clock forward; every time-based rule reads it. */
export async function advanceClock(milliseconds: number): Promise<void> {
  const response = await fetch('/api/v1/test/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: milliseconds }),
  });
  if (!response.ok) throw new Error(`advanceClock: ${response.status}`);
}

/** Waits until `condition` holds, checking every 20 ms, or fails after `timeout` ms. */
export async function waitFor(condition: () => boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
