// ERP facts (issue 17): the import of a 10,000-row file in the app (preview, then import, on a fresh database
// with 500 customers × 20 months), the sync server's endpoint for 10,000 posted rows (the first post creates
// them, the same post again finds them unchanged, then every figure corrected), and on the open bench set the
// company page's 24 months. Called by scripts/bench.ts; `benchErpImport`/`benchErpEndpoint` run on their own too.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { newId } from '../db/platform/ids'
import { startCore } from '../electron/main/core'
import { companyErpFacts, previewErpImport, runErpImport } from '../electron/main/modules/erp'
import type { ServiceContext } from '../electron/main/platform/context'
import { addMonths } from '../shared/modules/erp'
import { createApp } from '../server/app'
import { importRows } from '../server/admin/import'
import { createTeam } from '../server/admin/accounts'
import { createIntegrationKey } from '../server/integrations/keys'
import { openStore } from '../server/store/open-store'

type Report = (name: string, fn: () => Promise<unknown>) => Promise<void>
type Emit = (name: string, value: number, unit: string) => void

const CUSTOMERS = 500
const MONTHS = 20
const months = Array.from({ length: MONTHS }, (_, k) => addMonths('2026-11', -k))
const euros = (cents: number) => `${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}`

/** 10,000 rows as a German ERP export writes them (semicolons, "1.234,56"). */
export function erpCsv(customerNumber: (i: number) => string, shift = 0): Buffer {
  const lines = ['Kundennummer;Monat;Umsatz;Offene Posten;Tage überfällig']
  for (let i = 0; i < CUSTOMERS; i++) {
    for (const [k, month] of months.entries()) lines.push(`${customerNumber(i)};${month.slice(5)}/${month.slice(0, 4)};${euros(100_000 + i * 37 + k * 11 + shift)};${euros(k === 0 ? 5_000 : 0)};${k === 0 ? i % 30 : 0}`)
  }
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

const timed = async (emit: Emit, name: string, fn: () => Promise<unknown>) => {
  const t0 = performance.now()
  await fn()
  emit(name, performance.now() - t0, 'ms')
}

export async function benchErpImport(emit: Emit): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-erp-'))
  const core = await startCore(path.join(dir, 'erp.sqlite'), 'web')
  const ctx = core.app.ctx
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < CUSTOMERS; i++) {
      await trx.insertInto('companies').values({ id: newId(), created_at: '2026-11-01', updated_at: '2026-11-01', name: `ERP Kunde ${i} GmbH`, customer_number: `E-${i}`, status: 'customer' } as never).execute()
    }
  })
  const file = { fileName: 'erp.csv', base64: erpCsv((i) => `E-${i}`).toString('base64') }
  await timed(emit, 'erp.import_10000_rows.preview', () => previewErpImport(ctx, file))
  await timed(emit, 'erp.import_10000_rows.import', () => runErpImport(ctx, file))
  await timed(emit, 'erp.import_10000_rows.reimport_unchanged', () => runErpImport(ctx, file))
  const changed = { fileName: 'erp.csv', base64: erpCsv((i) => `E-${i}`, 1).toString('base64') }
  await timed(emit, 'erp.import_10000_rows.reimport_all_changed', () => runErpImport(ctx, changed))
  await core.database.close()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The endpoint on a fresh SQLite store, or on PostgreSQL (`postgres` = a server URL; a schema of its own, dropped
 * afterwards): 500 companies of one team, 10,000 rows a post.
 */
export async function benchErpEndpoint(emit: Emit, postgres?: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-erp-server-'))
  const schema = `bench_erp_${Date.now().toString(36)}`
  const store = postgres ? await openStore(postgres, { schema }) : await openStore(path.join(dir, 'server.sqlite'))
  const team = await createTeam(store, 'Vertrieb Nord')
  await importRows(store, Array.from({ length: CUSTOMERS }, (_, i) => ({ table: 'companies' as const, id: newId(), data: { name: `ERP Kunde ${i} GmbH`, customer_number: `E-${i}`, status: 'customer' } })), { teamId: team })
  const { key } = await createIntegrationKey(store.db, 'ERP', ['erp_facts'])
  const app = createApp({ store, integrationLimits: { postsPerWindow: 1_000 } })
  const rows = (shift: number) => JSON.stringify({ rows: Array.from({ length: CUSTOMERS * MONTHS }, (_, j) => ({ customerNumber: `E-${Math.floor(j / MONTHS)}`, month: months[j % MONTHS], revenueCents: 100_000 + j + shift, openItemsCents: 0, daysOverdue: 0 })) })
  const post = async (body: string) => {
    const res = await app.request('http://sync.test/integrations/v1/erp-facts', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })
    if (res.status !== 200) throw new Error(`endpoint answered ${res.status}: ${await res.text()}`)
  }
  const first = rows(0)
  await timed(emit, `erp.endpoint_10000_rows.${store.kind}.create`, () => post(first))
  await timed(emit, `erp.endpoint_10000_rows.${store.kind}.repost_unchanged`, () => post(first))
  await timed(emit, `erp.endpoint_10000_rows.${store.kind}.update_all`, () => post(rows(1)))
  if (postgres) await sql.raw(`drop schema if exists "${schema}" cascade`).execute(store.db)
  await store.close()
  rmSync(dir, { recursive: true, force: true })
}

/** On the open bench set: the company page's ERP panel of a customer with 24 months. */
export async function benchErp(ctx: ServiceContext, report: Report, emit: Emit): Promise<void> {
  const rows = await ctx.db.selectFrom('erp_facts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  emit('erp.facts_rows', Number(rows.n), 'rows')
  const company = await ctx.db.selectFrom('erp_facts').select('company_id').where('deleted_at', 'is', null).limit(1).executeTakeFirst()
  if (company) await report('erp.company_facts_24_months', () => companyErpFacts(ctx, company.company_id))
  await benchErpImport(emit)
  await benchErpEndpoint(emit)
  if (process.env.BENCH_POSTGRES_URL) await benchErpEndpoint(emit, process.env.BENCH_POSTGRES_URL)
}
