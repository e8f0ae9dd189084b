// ERP facts posted by a sending system (a nightly ERP export): every row checked with the schema the app's
// import uses, customer numbers resolved on the server (server/sync/customer-numbers.ts), and written into
// the store as the server's own changes — one row per company and month under the id the laptops derive too
// (db/modules/erp/erp-ids.ts) — so the laptops of the customer's team pull them and no other laptop does.
// All rows or none: a single bad row refuses the post (422) with every bad row named.
import { sql } from 'kysely'
import { z } from 'zod'
import { erpFactId } from '../../db/modules/erp'
import { erpFactInputSchema, type ErpFactInput } from '../../shared/modules/erp'
import { rowProblem, type SyncValue } from '../../shared/modules/sync'
import type { Store } from '../store/open-store'
import type { FieldVersion } from '../sync/conflicts'
import { customerNumberKey } from '../sync/customer-numbers'
import { writeWithSequence } from '../sync/sequence'
import type { IntegrationKey } from './keys'

type Data = Record<string, SyncValue>

/** Rows one post takes; a larger export posts in several (each is its own transaction). */
export const ERP_POST_MAX_ROWS = 10_000

export const erpPostSchema = z.object({ rows: z.array(z.unknown()).min(1) }).strict()

export interface ErpRowProblem {
  /** The row's position in `rows`, from 0. */
  index: number
  field: string
  /** The schema's error key (`errors.notNegative`, `errors.erpMonth`, `errors.erpUnknownCustomer`, …). */
  problem: string
}

export type ErpPostOutcome =
  | { ok: true; received: number; created: number; updated: number; unchanged: number }
  | { ok: false; problems: ErpRowProblem[] }

const FIGURES = ['revenue_cents', 'open_items_cents', 'days_overdue', 'source'] as const

/** Every row through the app's schema; the same customer and month twice is refused too. */
function checkRows(rows: unknown[]): { facts: ErpFactInput[]; problems: ErpRowProblem[] } {
  const facts: ErpFactInput[] = []
  const problems: ErpRowProblem[] = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const parsed = erpFactInputSchema.safeParse(row)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ index, field: String(issue.path[0] ?? ''), problem: issue.message })
      return
    }
    const key = `${customerNumberKey(parsed.data.customerNumber)}:${parsed.data.month}`
    if (seen.has(key)) problems.push({ index, field: 'month', problem: 'errors.erpDuplicateMonth' })
    seen.add(key)
    facts.push(parsed.data)
  })
  return { facts, problems }
}

const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

export async function postErpFacts(store: Store, key: IntegrationKey, rows: unknown[], now: Date): Promise<ErpPostOutcome> {
  const { facts, problems } = checkRows(rows)
  if (problems.length > 0) return { ok: false, problems }
  const at = now.toISOString()
  return writeWithSequence(store, async (trx, seq) => {
    // Customer numbers → live companies (a merged company's number is held by nobody: its rows name the survivor's).
    const numbers = [...new Set(facts.map((f) => customerNumberKey(f.customerNumber)))]
    const companyOf = new Map<string, string>()
    for (const chunk of chunks(numbers, 500)) {
      for (const r of await trx.selectFrom('customer_numbers').select(['number', 'company_id']).where('number', 'in', chunk).execute()) companyOf.set(r.number, r.company_id)
    }
    const companyIds = [...new Set(companyOf.values())]
    const scopeOf = new Map<string, string>()
    for (const chunk of chunks(companyIds, 500)) {
      const live = await trx.selectFrom('sync_rows').select(['id', 'scope_id']).where('table_name', '=', 'companies').where('id', 'in', chunk).where('deleted', '=', 0).execute()
      for (const r of live) scopeOf.set(r.id, r.scope_id)
    }
    const unknown = facts.flatMap((f, index) => (scopeOf.has(companyOf.get(customerNumberKey(f.customerNumber)) ?? '') ? [] : [{ index, field: 'customerNumber', problem: 'errors.erpUnknownCustomer' }]))
    if (unknown.length > 0) return { ok: false, problems: unknown }

    // The companies' months as stored (found by company and month: a month a merge moved keeps its first id).
    const existing = new Map<string, { id: string; data: Data; versions: Record<string, FieldVersion> }>()
    for (const chunk of chunks([...scopeOf.keys()], 300)) {
      const stored = await trx.selectFrom('sync_rows').select(['id', 'data', 'field_versions']).where('table_name', '=', 'erp_facts').where('parent_id', 'in', chunk).where('deleted', '=', 0).execute()
      for (const r of stored) {
        const data = JSON.parse(r.data) as Data
        existing.set(`${String(data.company_id)}:${String(data.month)}`, { id: r.id, data, versions: JSON.parse(r.field_versions) as Record<string, FieldVersion> })
      }
    }
    const writer = (version: number): FieldVersion => [version, `integration:${key.id}`, `integration:${key.id}`, at, key.name]
    const counts = { created: 0, updated: 0, unchanged: 0 }
    const inserts: Array<{ id: string; companyId: string; data: Data }> = []
    const updates: Array<{ id: string; data: string; versions: string; version: number }> = []
    for (const fact of facts) {
      const companyId = companyOf.get(customerNumberKey(fact.customerNumber))!
      const figures: Data = { revenue_cents: fact.revenueCents, open_items_cents: fact.openItemsCents, days_overdue: fact.daysOverdue, source: 'erp' }
      const current = existing.get(`${companyId}:${fact.month}`)
      if (!current) {
        inserts.push({ id: erpFactId(companyId, fact.month), companyId, data: { company_id: companyId, month: fact.month, ...figures } })
        continue
      }
      const changed = FIGURES.filter((c) => current.data[c] !== figures[c])
      if (changed.length === 0 || changed.every((c) => c === 'source')) {
        counts.unchanged++
        continue
      }
      const version = seq.next()
      for (const column of changed) current.versions[column] = writer(version)
      updates.push({ id: current.id, data: JSON.stringify({ ...current.data, ...figures }), versions: JSON.stringify(current.versions), version })
      counts.updated++
    }
    // Changed months 500 to a statement (WITH … VALUES, UPDATE … FROM, on SQLite and PostgreSQL): a year of corrections
    // for every customer would otherwise hold the writers' lock for one round trip per row.
    for (const chunk of chunks(updates, 500)) {
      const values = sql.join(chunk.map((u) => sql`(${u.id}, ${u.data}, ${u.versions}, ${u.version})`))
      await sql`with v(id, data, versions, version) as (values ${values})
        update sync_rows set data = v.data, field_versions = v.versions, version = cast(v.version as bigint), updated_by = ${`integration:${key.id}`}
        from v where sync_rows.table_name = 'erp_facts' and sync_rows.id = v.id`.execute(trx)
    }
    // A month deleted before (its company merged or deleted and the number given to another) is made anew under the same id.
    const tombstones = new Set<string>()
    for (const chunk of chunks(inserts.map((i) => i.id), 500)) {
      for (const r of await trx.selectFrom('sync_rows').select('id').where('table_name', '=', 'erp_facts').where('id', 'in', chunk).execute()) tombstones.add(r.id)
    }
    const values = inserts.map(({ id, companyId, data }) => {
      const problem = rowProblem('erp_facts', data, 'row')
      if (problem) throw new Error(`an ERP fact the schema refuses (${problem})`)
      const version = seq.next()
      const versions = Object.fromEntries(Object.keys(data).map((c) => [c, writer(version)]))
      return { table_name: 'erp_facts', id, scope_id: scopeOf.get(companyId)!, parent_id: companyId, version, deleted: 0, data: JSON.stringify(data), field_versions: JSON.stringify(versions), created_seq: version, updated_by: `integration:${key.id}` }
    })
    for (const row of values.filter((v) => tombstones.has(v.id))) {
      await trx.updateTable('sync_rows').set({ ...row }).where('table_name', '=', 'erp_facts').where('id', '=', row.id).execute()
    }
    for (const chunk of chunks(values.filter((v) => !tombstones.has(v.id)), 100)) await trx.insertInto('sync_rows').values(chunk).execute()
    counts.created = values.length
    return { ok: true, received: facts.length, ...counts }
  })
}
