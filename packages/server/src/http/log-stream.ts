/**
 * Where the JSON log goes: stderr, with the lines logged in one turn of the event loop
 * written together at its end (one write for the many lines of a busy moment instead of
 * one blocking write each). Lines are never held longer than that turn, and what is left
 * when the process exits is written then.
 */

/** What pino writes to: one serialized line at a time. */
export interface LogStream {
  write(line: string): void;
}

class BatchedLines implements LogStream {
  readonly #out: NodeJS.WritableStream;
  #lines: string[] = [];

  constructor(out: NodeJS.WritableStream) {
    this.#out = out;
    process.once('exit', this.flush);
  }

  write(line: string): void {
    if (this.#lines.push(line) === 1) setImmediate(this.flush);
  }

  readonly flush = (): void => {
    if (this.#lines.length === 0) return;
    const text = this.#lines.join('');
    this.#lines = [];
    this.#out.write(text);
  };
}

let stderr: BatchedLines | undefined;

/** The log stream to stderr, one for every server of the process. */
export function stderrLog(): LogStream {
  stderr ??= new BatchedLines(process.stderr);
  return stderr;
}
