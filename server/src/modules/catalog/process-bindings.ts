import type { Queryable } from '../../platform/db/pool.ts';

/** A service item that starts a process key on acceptance (service_items.process_key). */
export interface ProcessBinding {
  processKey: string;
  itemId: string;
  code: string;
  name: string;
  enabled: boolean;
}

/** Every item that binds a process, enabled or not, for the process designer's list. */
export async function itemsBindingProcesses(db: Queryable): Promise<ProcessBinding[]> {
  const { rows } = await db.query<ProcessBinding>(
    `SELECT process_key AS "processKey", id AS "itemId", code, name, enabled
       FROM service_items WHERE process_key IS NOT NULL ORDER BY process_key, code`,
  );
  return rows;
}
