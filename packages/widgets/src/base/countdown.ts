import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A deadline counted down once a second, re-rendering its host while it runs. Used for
 * the lockout and for «new code in 0:42».
 */
export class Countdown implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #onEnd: (() => void) | undefined;
  #endsAt = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost, onEnd?: () => void) {
    this.#host = host;
    this.#onEnd = onEnd;
    host.addController(this);
  }

  /** Seconds left, rounded up; 0 once the deadline has passed. */
  get remaining(): number {
    return Math.max(0, Math.ceil((this.#endsAt - Date.now()) / 1000));
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  start(seconds: number): void {
    this.#endsAt = Date.now() + seconds * 1000;
    this.#tick();
    this.#host.requestUpdate();
  }

  stop(): void {
    this.#endsAt = 0;
    this.#clear();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.running) this.#tick();
  }

  hostDisconnected(): void {
    this.#clear();
  }

  #tick(): void {
    this.#timer ??= setInterval(() => {
      this.#host.requestUpdate();
      if (!this.running) {
        this.#clear();
        this.#onEnd?.();
      }
    }, 1000);
  }

  #clear(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
