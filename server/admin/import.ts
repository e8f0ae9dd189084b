// Bulk import of existing records into the sync store (a team's data from a former system, or the
// benchmark's large dataset): scopes by the same rules as a push, one version per row.
import { sql, type Transaction } from 'kysely'
import type { SyncValue } from '../../shared/modules/sync'
import { ORG_SCOPE, SYNC_TABLE_RULES, teamScope, type SyncTableName } from '../../shared/modules/sync'
import type { Store } from '../store/open-store'
import type { ServerDatabase } from '../store/schema'
import { customerNumberKey, numberHolder } from '../sync/customer-numbers'
import { writeWithSequence } from '../sync/sequence'

export interface ImportRow {
  table: SyncTableName
  id: string
  data: Record<string, SyncValue>
}

const BATCH = 500

/** Rows must come parents first (companies before their contacts and touchpoints). */
export async function importRows(store: Store, rows: Iterable<ImportRow>, options: { teamId: string; importedBy?: string }): Promise<number> {
  const companyScopes = new Map<string, string>()
  let count = 0
  await writeWithSequence(store, async (trx, seq) => {
    let batch: Array<Record<string, string | number | null>> = []
    const flush = async () => {
      if (batch.length === 0) return
      await trx.insertInto('sync_rows').values(batch as never).execute()
      batch = []
    }
    for (const row of rows) {
      const rule = SYNC_TABLE_RULES[row.table].scope
      let scope = ORG_SCOPE
      let parentId: string | null = null
      const data = { ...row.data }
      if (rule.kind === 'team') {
        await claimNumber(trx, row.id, data.customer_number)
        data[rule.teamField] = options.teamId
        scope = teamScope(options.teamId)
        companyScopes.set(row.id, scope)
      } else if (rule.kind === 'company') {
        parentId = String(data[rule.parentField] ?? '')
        const parentScope = companyScopes.get(parentId)
        if (!parentScope) throw new Error(`import: ${row.table} ${row.id} refers to unknown company ${parentId}`)
        scope = parentScope
      }
      const version = seq.next()
      batch.push({
        table_name: row.table, id: row.id, scope_id: scope, parent_id: parentId, version, deleted: 0,
        data: JSON.stringify(data), field_versions: '{}', created_seq: version, updated_by: options.importedBy ?? 'import',
      })
      count++
      if (batch.length >= BATCH / 5) await flush() // 10 columns a row: stays under SQLite's variable limit
    }
    await flush()
  })
  if (store.kind === 'postgres') await sql`analyze sync_rows`.execute(store.db)
  else await sql`analyze`.execute(store.db)
  return count
}

// Customer numbers are unique across the organisation: an import that repeats one is refused whole.
async function claimNumber(trx: Transaction<ServerDatabase>, companyId: string, value: SyncValue | undefined): Promise<void> {
  const key = customerNumberKey(value)
  if (!key) return
  const holder = await numberHolder(trx, key, companyId)
  if (holder) throw new Error(`import: customer number ${key} of company ${companyId} is already held by company ${holder}`)
  await trx.insertInto('customer_numbers').values({ number: key, company_id: companyId }).execute()
}
