/**
 * What becomes of each table's rows when a citizen closes the account: every feature says
 * it for each of its tables (`ServerFeature.retention`), so a new table cannot be added
 * without deciding it, and `docs/personal-data.md` says the same in words (a test keeps
 * the two together). Closing an account follows this inventory.
 */

/** The fate of a table's rows at the closure of the account they belong to. */
export type DataFate =
  /** Reference data: nothing personal in it. */
  | { fate: 'none'; why: string }
  /** The account's rows are deleted (and their files, where they have some). */
  | { fate: 'deleted'; what: string }
  /** Not tied to the account by its id, or short-lived: gone by itself within `within`. */
  | { fate: 'expires'; within: string; what: string }
  /** Kept as they are for `keptFor`, because `why`; then deleted. */
  | { fate: 'kept'; keptFor: string; why: string; what: string }
  /** Kept for `keptFor` with what identifies the citizen removed (`what`), because `why`. */
  | { fate: 'pseudonymised'; keptFor: string; why: string; what: string };

/** A feature's fates, one for each of its tables (by the tables' names in the code). */
export type RetentionOf<Tables extends object> = { readonly [Table in keyof Tables]: DataFate };

/** One line of the inventory: a table, the feature it belongs to and its fate. */
export interface InventoryEntry {
  /** Its name in the code (`camelCase`). */
  table: string;
  /** Its name in the database (`snake_case`). */
  dbName: string;
  feature: string;
  fate: DataFate;
}

/** `passwordHistory` → `password_history`, as the database names it. */
export const databaseName = (table: string): string => table.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Every table of `list` with its fate, in the features' order. */
export function retentionInventory(list: readonly { name: string; retention?: object | undefined }[]): InventoryEntry[] {
  return list.flatMap((feature) =>
    (Object.entries(feature.retention ?? {}) as [string, DataFate][]).map(([table, fate]) => ({ table, dbName: databaseName(table), feature: feature.name, fate })),
  );
}
