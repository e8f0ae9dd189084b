// A push's bookkeeping of the pushing laptop: its row in `sync_clients` (where its numbering stands) and the
// operation ids it has already had applied (`sync_ops`). On PostgreSQL each part is one round trip instead of two:
// under a burst of pushes the server's time goes to round trips (issue 20).
import { sql, type Transaction } from 'kysely'
import type { ServerDatabase, SyncClientTable, SyncOpTable } from '../store/schema'

type Trx = Transaction<ServerDatabase>

/** Ids per statement: `in (…)` lists stay short enough for both databases. */
const CHUNK = 200

/**
 * The laptop's row (locked to the commit on PostgreSQL, so a retry racing its original waits) and the stored results
 * of those of `opIds` that were applied before. A laptop without a row has no applied operations: a push writes both
 * in one transaction and neither is ever deleted. On PostgreSQL both come from one statement; when it waited for the
 * row, the row is read as committed after the wait but the operation ids as before it (read committed), so the caller
 * reads them again (`knownOps`) before it refuses an operation as already used.
 */
export async function clientAndKnownOps(trx: Trx, clientId: string, opIds: string[], postgres: boolean): Promise<{ client: SyncClientTable | undefined; known: Map<string, string> }> {
  const known = new Map<string, string>()
  if (postgres && opIds.length <= CHUNK) {
    const { rows } = await sql<SyncClientTable & { known: Array<[string, string]> | null }>`
      select c.*, (select json_agg(json_build_array(o.op_id, o.result)) from sync_ops o where o.client_id = c.client_id and o.op_id = any(${opIds}::text[])) as known
      from sync_clients c where c.client_id = ${clientId} for update of c`.execute(trx)
    const row = rows[0]
    if (!row) return { client: undefined, known }
    const { known: pairs, ...client } = row
    for (const [opId, result] of pairs ?? []) known.set(opId, result)
    return { client, known }
  }
  const query = trx.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId)
  const client = await (postgres ? query.forUpdate() : query).executeTakeFirst()
  return { client, known: client ? await knownOps(trx, clientId, opIds) : known }
}

/** The stored results of those of `opIds` this laptop has had applied before. */
export async function knownOps(trx: Trx, clientId: string, opIds: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>()
  for (let i = 0; i < opIds.length; i += CHUNK) {
    const chunk = opIds.slice(i, i + CHUNK)
    for (const r of await trx.selectFrom('sync_ops').select(['op_id', 'result']).where('client_id', '=', clientId).where('op_id', 'in', chunk).execute()) known.set(r.op_id, r.result)
  }
  return known
}

/** Stores the applied operations' results and where the laptop's numbering now stands (PostgreSQL: one statement for up to 100). */
export async function storeApplied(trx: Trx, clientId: string, applied: SyncOpTable[], update: Pick<SyncClientTable, 'last_seq' | 'last_push_at' | 'user_id'>, postgres: boolean): Promise<void> {
  let rest = applied
  while (rest.length > (postgres ? 100 : 0)) {
    await trx.insertInto('sync_ops').values(rest.slice(0, 100)).execute()
    rest = rest.slice(100)
  }
  if (rest.length === 0) await trx.updateTable('sync_clients').set(update).where('client_id', '=', clientId).execute()
  else await trx.with('ops', (db) => db.insertInto('sync_ops').values(rest)).updateTable('sync_clients').set(update).where('client_id', '=', clientId).execute()
}
