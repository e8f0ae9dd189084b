// Divergence detection on the laptop: after a pull, the live rows of each scope (count and sum of the
// server versions) must equal the server's. A scope that differs twice in a row is downloaded afresh.
import { CompiledQuery, sql, type Kysely } from 'kysely'
import type { Database } from '../../../../db/database.types'
import type { ScopeChecksum } from '../../../../shared/modules/sync/protocol'
import { ORG_SCOPE, SYNC_TABLE_RULES, SYNC_TABLE_NAMES, UNASSIGNED_SCOPE } from '../../../../shared/modules/sync/tables'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { parseRecord } from './json-record'

type Sums = Map<string, { count: number; sum: number }>

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`
const SCOPE_OF_TEAM = (team: string) => `case when coalesce(${team}, '') = '' then '${UNASSIGNED_SCOPE}' else 'team:' || ${team} end`

/** The tables compared: every synced table but the conflict records (they are notes about rows). */
export const CHECKED_TABLES = SYNC_TABLE_NAMES.filter((t) => t !== 'sync_conflicts')

/** SQL that lists (scope, id, server_version) of one table's live, server-known rows. */
export function scopedRows(table: (typeof CHECKED_TABLES)[number]): string {
  const rule = SYNC_TABLE_RULES[table].scope
  const live = `t.deleted_at is null and t.server_version is not null`
  switch (rule.kind) {
    case 'org':
      return `select '${ORG_SCOPE}' as scope, t.id as id, t.server_version as v from ${quote(table)} t where ${live}`
    case 'team':
      return `select ${SCOPE_OF_TEAM(`t.${rule.teamField}`)} as scope, t.id as id, t.server_version as v from ${quote(table)} t where ${live}`
    case 'company':
      // A child goes with its company's team; a company set aside in quarantine still names its team there. A row that
      // names no company (the erasure of a lead never converted) is organisation-wide, as the server stores it.
      return `select case when coalesce(t.${rule.parentField}, '') = '' then '${ORG_SCOPE}'
          else ${SCOPE_OF_TEAM(`coalesce(c.team_id, json_extract(q.data, '$.team_id'))`)} end as scope, t.id as id, t.server_version as v
        from ${quote(table)} t left join companies c on c.id = t.${rule.parentField}
        left join sync_quarantine q on c.id is null and q.table_name = 'companies' and q.row_id = t.${rule.parentField}
        where ${live}`
  }
}

function add(sums: Sums, scope: string, count: number, sum: number): void {
  const entry = sums.get(scope) ?? { count: 0, sum: 0 }
  entry.count += count
  entry.sum += sum
  sums.set(scope, entry)
}

/**
 * The laptop's side of the comparison. Rows waiting in quarantine count with the version that arrived
 * (the server holds that one), and their older local copy does not.
 */
export async function localChecksums(db: Kysely<Database>): Promise<Sums> {
  const sums: Sums = new Map()
  for (const table of CHECKED_TABLES) {
    const { rows } = await db.executeQuery<{ scope: string; n: number; s: number }>(
      CompiledQuery.raw(`select scope, count(*) as n, sum(v) as s from (${scopedRows(table)}) group by scope`))
    for (const r of rows) add(sums, r.scope, Number(r.n), Number(r.s))
  }
  const quarantined = await db.selectFrom('sync_quarantine').selectAll().execute()
  for (const q of quarantined) {
    const table = q.table_name
    if (!isOneOf(CHECKED_TABLES, table)) continue
    const { rows: local } = await db.executeQuery<{ scope: string; v: number }>(CompiledQuery.raw(`select scope, v from (${scopedRows(table)}) where id = ?`, [q.row_id]))
    for (const l of local) add(sums, l.scope, -1, -Number(l.v))
    if (q.data === null) continue // a delete that could not be applied: the server has no live row
    const data = parseRecord(q.data)
    if (!data) continue // unreadable: it cannot be placed in a scope, so it is left out (the scope may then re-download)
    const scope = await quarantinedScope(db, table, data)
    if (scope) add(sums, scope, 1, q.seq)
  }
  return sums
}

async function quarantinedScope(db: Kysely<Database>, table: (typeof CHECKED_TABLES)[number], data: Record<string, unknown>): Promise<string | null> {
  const rule = SYNC_TABLE_RULES[table].scope
  if (rule.kind === 'org') return ORG_SCOPE
  if (rule.kind === 'team') {
    const value = data[rule.teamField]
    const team = typeof value === 'string' ? value : ''
    return team ? `team:${team}` : UNASSIGNED_SCOPE
  }
  if (rule.kind === 'company') {
    if (!data[rule.parentField]) return ORG_SCOPE
    const company = await db.selectFrom('companies').select('team_id').where('id', '=', String(data[rule.parentField] ?? '')).executeTakeFirst()
    return company ? (company.team_id ? `team:${company.team_id}` : UNASSIGNED_SCOPE) : null
  }
  return null
}

/** Scopes whose count or sum differ between the server and this laptop. */
export function divergedScopes(server: ScopeChecksum[], local: Sums): string[] {
  const diverged = new Set<string>()
  const seen = new Set<string>()
  for (const s of server) {
    seen.add(s.scope)
    const l = local.get(s.scope)
    if (!l || l.count !== s.count || l.sum !== s.sum) diverged.add(s.scope)
  }
  for (const [scope, l] of local) if (!seen.has(scope) && l.count !== 0) diverged.add(scope)
  return [...diverged].sort()
}

/** Rows of a scope the server did not send during its re-download: gone there, so gone here (unless unpushed). */
export async function sweepScope(db: Kysely<Database>, scope: string): Promise<number> {
  let removed = 0
  await db.connection().execute(async (conn) => {
    await sql`PRAGMA foreign_keys = OFF`.execute(conn)
    try {
      await conn.transaction().execute(async (trx) => {
        for (const table of CHECKED_TABLES) {
          const result = await trx.executeQuery(CompiledQuery.raw(
            `delete from ${quote(table)} where id in (select id from (${scopedRows(table)}) where scope = ?
              and id not in (select id from temp.kr_received where table_name = ?) and id not in (select row_id from sync_outbox))`, [scope, table]))
          removed += Number(result.numAffectedRows ?? 0)
        }
        await trx.executeQuery(CompiledQuery.raw('delete from company_journey where company_id not in (select id from companies)'))
      })
    } finally {
      await sql`PRAGMA foreign_keys = ON`.execute(conn)
    }
  })
  return removed
}
