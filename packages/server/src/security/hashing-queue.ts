/**
 * A small fair queue in front of password hashing. scrypt runs on libuv's thread pool
 * (4 threads unless `UV_THREADPOOL_SIZE` says otherwise), which file reads, compression and
 * DNS use too: under a flood of sign-ins every thread would be hashing and every other
 * answer would wait behind the flood. So only a few hashes run at once and the rest wait
 * here, leaving threads for the rest of the server:
 *
 * - `slots` hashes run at once for ordinary callers, and `reservedSlots` more only for
 *   browsers known to the account (the device cookie), which also go first: the owner
 *   can sign in during a flood.
 * - Waiting hashes are taken from the client addresses in turn (round robin), not in
 *   arrival order, and one address may have at most `perClient` admitted (running or
 *   waiting): one flooding address cannot take every slot or fill the queue.
 * - Beyond `perClient`, or when `maxWaiting` ordinary hashes already wait, admission is
 *   refused with {@link HashingBusy} (the caller answers `429 rate_limited`).
 *
 * Hashes the server asks for itself (registration, a new password, the demo accounts) run
 * in one lane of their own and are never refused; their own limits come before them.
 */

export interface HashingLimits {
  /** Hashes running at once for ordinary callers. */
  slots: number;
  /** Further hashes running at once only for browsers known to the account. */
  reservedSlots: number;
  /** Hashes one client address may have running or waiting. */
  perClient: number;
  /** Ordinary hashes that may wait, from all addresses together. */
  maxWaiting: number;
}

/** Three threads of libuv's four at most; one of them only for known browsers. */
export const defaultHashingLimits: HashingLimits = { slots: 2, reservedSlots: 1, perClient: 4, maxWaiting: 64 };

/** Who a hash is for: the client's address, and whether its browser is known to the account. */
export interface HashLane {
  client: string;
  priority: boolean;
}

/** Admission refused: too many hashes for this address, or waiting in all. */
export class HashingBusy extends Error {
  override readonly name = 'HashingBusy';
  /** Seconds after which a try is likely to be admitted. */
  readonly retryAfter: number;

  constructor(retryAfter: number) {
    super(`password hashing is busy; retry after ${retryAfter} s`);
    this.retryAfter = retryAfter;
  }
}

/** The lane of the hashes the server asks for itself. */
const serverLane = '';

interface Waiter {
  lane: string;
  start: () => void;
}

/**
 * An admitted place in the queue: {@link run} hashes in it (waiting for a slot each time),
 * {@link release} gives it back. Release it once, whether or not it ran.
 */
export interface HashTicket {
  run<T>(task: () => Promise<T>): Promise<T>;
  release(): void;
}

export class HashingQueue {
  readonly #limits: HashingLimits;
  #running = 0;
  /** Admitted ordinary tickets not yet released. */
  #ordinary = 0;
  readonly #perClient = new Map<string, number>();
  readonly #priority: Waiter[] = [];
  /** Waiting hashes by lane; the order of the map is the round robin's. */
  readonly #lanes = new Map<string, Waiter[]>();
  /** A moving average of how long a hash takes, for `Retry-After`. */
  #averageMs = 100;

  constructor(limits: HashingLimits = defaultHashingLimits) {
    if (limits.slots < 1 || limits.reservedSlots < 0 || limits.perClient < 1 || limits.maxWaiting < 0) {
      throw new Error('hashing limits: at least one slot and one hash per client');
    }
    this.#limits = limits;
  }

  /** Hashes running now. */
  get running(): number {
    return this.#running;
  }

  /** Hashes waiting for a slot now. */
  get waiting(): number {
    let waiting = this.#priority.length;
    for (const lane of this.#lanes.values()) waiting += lane.length;
    return waiting;
  }

  /**
   * A place for `lane`, or for the server itself when none is given.
   *
   * @throws {HashingBusy} when the address has `perClient` places already, or (unless its
   *   browser is known) `maxWaiting` ordinary hashes wait
   */
  admit(lane?: HashLane): HashTicket {
    if (!lane) return this.#ticket(serverLane, false);
    const { slots, perClient, maxWaiting } = this.#limits;
    const held = this.#perClient.get(lane.client) ?? 0;
    if (held >= perClient || (!lane.priority && this.#ordinary >= slots + maxWaiting)) throw new HashingBusy(this.#retryAfter());
    this.#perClient.set(lane.client, held + 1);
    if (!lane.priority) this.#ordinary++;
    let released = false;
    const ticket = this.#ticket(`client:${lane.client}`, lane.priority);
    return {
      run: ticket.run,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.#perClient.get(lane.client) ?? 1) - 1;
        if (left === 0) this.#perClient.delete(lane.client);
        else this.#perClient.set(lane.client, left);
        if (!lane.priority) this.#ordinary--;
      },
    };
  }

  /** Runs `task` in a slot, for `lane` (the server's own lane when none is given). */
  async run<T>(task: () => Promise<T>, lane?: HashLane): Promise<T> {
    const ticket = this.admit(lane);
    try {
      return await ticket.run(task);
    } finally {
      ticket.release();
    }
  }

  #ticket(lane: string, priority: boolean): HashTicket {
    return {
      run: async <T>(task: () => Promise<T>): Promise<T> => {
        await new Promise<void>((start) => {
          const waiter = { lane, start };
          if (priority) this.#priority.push(waiter);
          else {
            const waiters = this.#lanes.get(lane);
            if (waiters) waiters.push(waiter);
            else this.#lanes.set(lane, [waiter]);
          }
          this.#dispatch();
        });
        const started = performance.now();
        try {
          return await task();
        } finally {
          this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
          this.#running--;
          this.#dispatch();
        }
      },
      release: () => {},
    };
  }

  /** Starts waiting hashes while slots are free: known browsers first, then the lanes in turn. */
  #dispatch(): void {
    for (let next = this.#next(); next; next = this.#next()) {
      this.#running++;
      next.start();
    }
  }

  #next(): Waiter | undefined {
    const { slots, reservedSlots } = this.#limits;
    if (this.#running >= slots + reservedSlots) return undefined;
    const first = this.#priority.shift();
    if (first) return first;
    if (this.#running >= slots) return undefined;
    for (const [lane, waiters] of this.#lanes) {
      const waiter = waiters.shift()!;
      // The lane goes to the end of the round, or leaves it when it has nobody left.
      this.#lanes.delete(lane);
      if (waiters.length > 0) this.#lanes.set(lane, waiters);
      return waiter;
    }
    return undefined;
  }

  /** Seconds until the hashes waiting now are likely done. */
  #retryAfter(): number {
    return Math.max(1, Math.ceil(((this.waiting / this.#limits.slots + 1) * this.#averageMs) / 1000));
  }
}
