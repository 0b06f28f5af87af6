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

/** A fresh citizen (or operator) no other test uses. */
export async function createAccount(
  options: { secondFactor?: 'sms' | 'email' | null; level?: string; role?: 'citizen' | 'operator' } = {},
): Promise<TestAccount> {
  const response = await fetch('/api/v1/test/accounts', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (!response.ok) throw new Error(`createAccount: ${response.status} ${await response.text()}`);
  return response.json();
}

export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  /** `null` for a notice (e.g. «someone tried to register with your number»). */
  code: string | null;
  purpose: string;
}

/** What the dev outbox holds for a phone or e-mail, newest first. */
export async function outbox(to: string): Promise<OutboxMessage[]> {
  const response = await fetch(`/dev/outbox.json?to=${encodeURIComponent(to)}`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`outbox: ${response.status}`);
  return response.json();
}

/**
 * The newest one-time code the dev outbox holds for a phone or e-mail. The server sends in
 * the background (so that its answer takes as long whether or not it sends), so the code
 * may arrive a moment after the answer: wait for it.
 */
export async function latestCode(to: string, timeout = patience): Promise<string> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const code = (await outbox(to)).find((message) => message.code)?.code;
    if (code) return code;
    if (performance.now() > deadline) throw new Error(`No code was sent to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A Russian mobile number nobody in this test run has used. */
export function unusedPhone(): string {
  const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
  return `+7 958 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
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

/**
 * How long a wait may take before the test calls it broken, in milliseconds: an upper bound
 * for a busy machine (the CPU shared with other builds), not how long things take.
 */
export const patience = 20_000;

/**
 * Waits until `condition` holds, checking it every 20 ms (and after every frame), or fails
 * after `timeout` ms. The timeout is a bound for «something is broken», not the expected wait.
 */
export async function waitFor(condition: () => boolean, timeout = patience, what = 'condition'): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** {@link waitFor} for a condition that must be asked asynchronously (IndexedDB, a server). */
export async function waitForAsync(condition: () => Promise<boolean>, what = 'condition', timeout = patience): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A `fetch` that can be cut off like a train in a tunnel, or lose answers after the server acted. */
export function switchableNetwork() {
  const network = { offline: false, loseAnswers: false, requests: [] as string[] };
  const fetchThrough: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (network.offline) throw new TypeError('Failed to fetch');
    network.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    const response = await fetch(request);
    if (network.loseAnswers) throw new TypeError('Failed to fetch');
    return response;
  };
  return { network, fetch: fetchThrough };
}
