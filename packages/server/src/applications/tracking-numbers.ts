/** Tracking numbers of submitted applications: `MFC-<year>-<serial>`, sequential within each year. */
import type { Database } from '../db/database.js';

/**
 * The next tracking number of `year`. Call it inside the transaction that stores it, so
 * that two submissions never get the same serial.
 *
 * @example await nextTrackingNumber(trx, 2026) // 'MFC-2026-000123'
 */
export async function nextTrackingNumber(trx: Database, year: number): Promise<string> {
  const counter = await trx.selectFrom('trackingCounters').select('last').where('year', '=', year).executeTakeFirst();
  const serial = (counter?.last ?? 0) + 1;
  if (counter) await trx.updateTable('trackingCounters').set({ last: serial }).where('year', '=', year).execute();
  else await trx.insertInto('trackingCounters').values({ year, last: serial }).execute();
  return `MFC-${year}-${String(serial).padStart(6, '0')}`;
}
