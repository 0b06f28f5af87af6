/** The citizen's saved sets of catalog filters, oldest first, at most {@link maxPresets} each. */
import type { CatalogFilters, FilterPreset, FilterPresetRequest } from '@mfc-cabinet/core/catalog-schemas';
import { ApiError } from '../api-error.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { FilterPresetsTable } from './tables.js';
import { orderedId } from '../security/tokens.js';

/** The most presets a citizen may keep. */
export const maxPresets = 20;

function toPreset({ id, name, filters, createdAt }: FilterPresetsTable): FilterPreset {
  return { id, name, filters: JSON.parse(filters) as CatalogFilters, createdAt: new Date(createdAt).toISOString() };
}

export class FilterPresets {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  async list(accountId: string): Promise<FilterPreset[]> {
    const rows = await this.#db.selectFrom('filterPresets').selectAll().where('accountId', '=', accountId).orderBy('id').execute();
    return rows.map(toPreset);
  }

  /**
   * Saves a preset.
   *
   * @throws {ApiError} `conflict` when the citizen has {@link maxPresets} already
   */
  async create(accountId: string, { name, filters }: FilterPresetRequest): Promise<FilterPreset> {
    return this.#db.transaction().execute(async (trx) => {
      const { count } = await trx
        .selectFrom('filterPresets')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('accountId', '=', accountId)
        .executeTakeFirstOrThrow();
      if (Number(count) >= maxPresets) {
        throw new ApiError('conflict', { detail: `Можно сохранить не больше ${maxPresets} наборов фильтров: удалите ненужный.` });
      }
      const row: FilterPresetsTable = { id: orderedId(), accountId, name, filters: JSON.stringify(filters), createdAt: this.#clock.now() };
      await trx.insertInto('filterPresets').values(row).execute();
      return toPreset(row);
    });
  }

  /** Deletes the citizen's preset; false when the citizen has no preset with this id. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const { numDeletedRows } = await this.#db.deleteFrom('filterPresets').where('id', '=', id).where('accountId', '=', accountId).executeTakeFirst();
    return numDeletedRows > 0n;
  }
}
