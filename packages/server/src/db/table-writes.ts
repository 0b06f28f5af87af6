/**
 * Which tables the database has written, as counters: a Kysely plugin that sees every query
 * of the process's database and counts each insert, update, delete or merge per table it
 * names. Caches of what is read from tables key their entries by {@link TableWrites.version}
 * and drop them when it changes, whoever wrote (a route, the seed, a test).
 *
 * A write counts twice: when it is compiled, and again once it has run, so that a read
 * made in between (which may still see the old rows) is not kept under the new version.
 * A query that is neither a select nor such a write (raw SQL, a schema change) counts as
 * a write to every table. Only this process's queries are seen: another process writing
 * the database file is not.
 */
import type { KyselyPlugin, OperationNode, PluginTransformQueryArgs, PluginTransformResultArgs, QueryId, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const writeKinds = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/** Every table a query node names, anywhere in it (a write's target and any table it reads). */
function tablesOf(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) tablesOf(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const operation = node as OperationNode & { table?: { identifier?: { name?: unknown } } };
    const name = operation.kind === 'TableNode' ? operation.table?.identifier?.name : undefined;
    if (typeof name === 'string') found.add(name);
    else for (const value of Object.values(node)) tablesOf(value, found);
  }
  return found;
}

export class TableWrites implements KyselyPlugin {
  readonly #counts = new Map<string, number>();
  /** Writes to tables unknown: raw SQL, schema changes. */
  #everything = 0;
  /** The writes compiled and not yet done, by query. */
  readonly #running = new WeakMap<QueryId, readonly string[] | 'everything'>();

  /** A number that changes whenever any of `tables` is written (by their names in the schema). */
  version(tables: readonly string[]): number {
    let sum = this.#everything;
    for (const table of tables) sum += this.#counts.get(table) ?? 0;
    return sum;
  }

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'SelectQueryNode') return node;
    const written = writeKinds.has(node.kind) ? [...tablesOf(node, new Set())] : 'everything';
    this.#count(written);
    this.#running.set(queryId, written);
    return node;
  }

  async transformResult({ queryId, result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const written = this.#running.get(queryId);
    if (written !== undefined) {
      this.#running.delete(queryId);
      this.#count(written);
    }
    return result;
  }

  #count(written: readonly string[] | 'everything'): void {
    if (written === 'everything') this.#everything++;
    else for (const table of written) this.#counts.set(table, (this.#counts.get(table) ?? 0) + 1);
  }
}
