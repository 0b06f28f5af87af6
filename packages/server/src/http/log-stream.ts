/**
 * Where the JSON log goes: stderr, in batches. A line waits at most {@link flushAfterMs}
 * (or until {@link flushAtLength} characters are waiting) and then goes out with the others
 * in one write, instead of one blocking write per line — two for every request. What is
 * waiting when the process exits is written then; only a process killed outright (SIGKILL)
 * can lose the last moment of its log.
 */

/** How long a line may wait for others. */
export const flushAfterMs = 50;
/** How much may wait before it is written at once (about 16 KiB). */
export const flushAtLength = 16 * 1024;

/** What pino writes to: one serialized line at a time. */
export interface LogStream {
  write(line: string): void;
}

export class BatchedLines implements LogStream {
  readonly #out: { write(text: string): unknown };
  #lines: string[] = [];
  #length = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(out: { write(text: string): unknown }) {
    this.#out = out;
  }

  write(line: string): void {
    this.#lines.push(line);
    this.#length += line.length;
    if (this.#length >= flushAtLength) this.flush();
    else this.#timer ??= setTimeout(this.flush, flushAfterMs).unref();
  }

  /** Writes what is waiting now. */
  readonly flush = (): void => {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#lines.length === 0) return;
    const text = this.#lines.join('');
    this.#lines = [];
    this.#length = 0;
    this.#out.write(text);
  };
}

let stderr: BatchedLines | undefined;

/** The log stream to stderr, one for every server of the process, written out at its exit too. */
export function stderrLog(): LogStream {
  if (!stderr) {
    stderr = new BatchedLines(process.stderr);
    process.once('exit', stderr.flush);
  }
  return stderr;
}
