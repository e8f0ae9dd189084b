// `npm run bench`: prints one JSON object per line, {"name", "value", "unit"}.
// Needs the large demo set (`npm run seed -- --size large`); seeds it first when it is missing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { openDatabase } from '../db/database'
import { newId } from '../db/platform/ids'
import { startCore } from '../electron/main/core'
import { benchSync } from './bench-sync'
import { benchGrowth, benchListsCold, mainQueries, timeIt } from './bench-lists'
import { accessReport } from '../electron/main/modules/dsgvo'
import { createCompany } from '../electron/main/modules/customers'
import { createTouchpoint } from '../electron/main/modules/customers'
import { companyFieldsSchema } from '../shared/modules/customers'

const BENCH_DB = path.resolve('.data/bench-large.sqlite')
const INSERTS = Number(process.env.BENCH_INSERTS ?? 3000)

const emit = (name: string, value: number, unit: string) => console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }))

async function queries(): Promise<void> {
  const t0 = performance.now()
  const core = await startCore(BENCH_DB, 'web')
  emit('db.open_large_with_checks_and_migrations', performance.now() - t0, 'ms')
  await core.integrityChecked
  emit('db.background_integrity_check_large', performance.now() - t0, 'ms')
  const ctx = core.app.ctx
  const report = async (name: string, fn: () => Promise<unknown>) => {
    const { median, p95 } = await timeIt(30, fn)
    emit(`${name}.median`, median, 'ms')
    emit(`${name}.p95`, p95, 'ms')
  }
  // The main lists, searches and reports (scripts/bench-lists.ts; the same ones are measured cold and at 5× the data).
  for (const [name, run] of await mainQueries(ctx)) await report(name, run)
  // Art. 15 for the person with the most touchpoints: everything about them as JSON and as the letter.
  const person = await ctx.db.selectFrom('touchpoints').select('contact_id').where('contact_id', 'is not', null).groupBy('contact_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc').limit(1).executeTakeFirst()
  if (person?.contact_id) await report('dsgvo.art15_one_person', () => accessReport(ctx, person.contact_id!))
  const { benchPlanning } = await import('./bench-planning')
  await benchPlanning(ctx, report, emit)
  const { benchDashboard } = await import('./bench-dashboard')
  await benchDashboard(ctx, report, emit)
  const { benchHealth } = await import('./bench-health')
  await benchHealth(ctx, report, emit)
  const { benchErp } = await import('./bench-erp')
  await benchErp(ctx, report, emit)
  const { benchTriggers } = await import('./bench-triggers')
  await benchTriggers(ctx, report, emit)
  const { benchJourney } = await import('./bench-journey')
  await benchJourney(ctx, report, emit)
  // Leads (issue 19): the inbox, the lead report and the work list's leads on 20,000 leads.
  const { benchLeads } = await import('./bench-leads')
  await benchLeads(ctx, report, emit)
  await core.database.close()
}

async function openFresh(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-'))
  const t0 = performance.now()
  const db = await openDatabase(path.join(dir, 'fresh.sqlite'))
  emit('db.open_fresh_with_migrations', performance.now() - t0, 'ms')
  await db.close()
  rmSync(dir, { recursive: true, force: true })
}

const touchpointRow = (companyId: string, i: number) => ({
  companyId, contactId: '', occurredAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(), channel: 'phone' as const,
  direction: 'outbound' as const, mode: 'direct' as const, station: 'offer' as const, summary: `Angebot ${i} telefonisch nachgefasst, Entscheidung bis Monatsende`,
})

/** Touchpoint creates through validation, service, outbox and journey refresh: one transaction each. */
async function serviceInserts(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-'))
  const core = await startCore(path.join(dir, 'service.sqlite'), 'web')
  const company = await createCompany(core.app.ctx, companyFieldsSchema.parse({ name: 'Bench GmbH', status: 'customer' }))
  const t0 = performance.now()
  for (let i = 0; i < INSERTS; i++) await createTouchpoint(core.app.ctx, touchpointRow(company.id, i))
  const perSecond = INSERTS / ((performance.now() - t0) / 1000)
  await core.database.close()
  rmSync(dir, { recursive: true, force: true })
  return perSecond
}

/** The same rows with bare sqlite3 (npm): one prepared INSERT, one transaction per row, same schema and pragmas. */
async function rawInserts(): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kundenreise-bench-'))
  const file = path.join(dir, 'raw.sqlite')
  const schema = await openDatabase(file)
  const companyId = newId()
  await schema.handle.run("INSERT INTO companies (id, created_at, updated_at, name, status) VALUES (?, '2026-11-01', '2026-11-01', 'Bench GmbH', 'customer')", [companyId])
  await schema.close()
  const db = new sqlite3.Database(file)
  const exec = (sql: string) => new Promise<void>((resolve, reject) => db.exec(sql, (e) => (e ? reject(e) : resolve())))
  await exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON')
  const stmt = db.prepare(`INSERT INTO touchpoints (id, created_at, updated_at, company_id, contact_id, occurred_at, channel, direction, mode, station, summary, created_by)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, '')`)
  const run = (params: unknown[]) => new Promise<void>((resolve, reject) => stmt.run(params, (e: Error | null) => (e ? reject(e) : resolve())))
  const t0 = performance.now()
  for (let i = 0; i < INSERTS; i++) {
    const r = touchpointRow(companyId, i)
    const now = new Date().toISOString()
    await exec('BEGIN IMMEDIATE')
    await run([newId(), now, now, companyId, r.occurredAt, r.channel, r.direction, r.mode, r.station, r.summary])
    await exec('COMMIT')
  }
  const perSecond = INSERTS / ((performance.now() - t0) / 1000)
  await new Promise<void>((resolve) => stmt.finalize(() => db.close(() => resolve())))
  rmSync(dir, { recursive: true, force: true })
  return perSecond
}

/** A large set seeded before tasks and appointments existed (issue 16) lacks them: it is made afresh. */
async function seededBeforePlanning(): Promise<boolean> {
  if (!existsSync(BENCH_DB)) return false
  const db = new sqlite3.Database(BENCH_DB, sqlite3.OPEN_READONLY)
  const has = await new Promise<boolean>((resolve) => db.get("select 1 from sqlite_master where name = 'tasks'", (err, row) => resolve(!err && Boolean(row))))
  await new Promise((resolve) => db.close(resolve))
  return !has
}

async function main(): Promise<void> {
  if (await seededBeforePlanning()) rmSync(BENCH_DB, { force: true })
  if (!existsSync(BENCH_DB)) {
    console.error('[bench] large demo set missing: running `npm run seed -- --size large` first (about 2 minutes)')
    const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', '--size', 'large'], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (seeded.status !== 0) process.exit(seeded.status ?? 1)
  }
  await openFresh()
  await queries()
  // Every main list cold (fresh connection, file evicted from the page cache), then at 1× and 5× the data.
  await benchListsCold(BENCH_DB, emit)
  if (process.env.BENCH_GROWTH !== '0') await benchGrowth(emit)
  const service = await serviceInserts()
  const raw = await rawInserts()
  emit('touchpoints.insert.service_layer', service, 'rows/s')
  emit('touchpoints.insert.raw_sqlite3', raw, 'rows/s')
  emit('touchpoints.insert.service_to_raw_ratio', (service / raw) * 100, '%')
  const { benchOfferDocx } = await import('./bench-offer-docx')
  emit('docx.offer_50_items.median', (await benchOfferDocx()).ms50, 'ms')
  const { benchPdf } = await import('./bench-pdf')
  emit('pdf.offer_50_items.median', (await benchPdf()).ms, 'ms')
  // 500 queued mails drained to a local SMTP server, duplicates counted (prints its own line).
  const { benchMail } = await import('./bench-mail')
  await benchMail()
  const { benchDuplicates } = await import('./bench-duplicates')
  emit('duplicates.scan_20000_companies', benchDuplicates().ms, 'ms')
  const { benchImport } = await import('./bench-import')
  await benchImport(emit)
  // The calendar feed of a rep with 2,000 entries on a large server store, SQLite and PostgreSQL (prints its own lines).
  const { benchCalendarFeed } = await import('./bench-calendar-feed')
  await benchCalendarFeed()
  // Files (issue 18): blob upload and download through the server (MB/s) beside a plain file copy.
  const { benchFiles } = await import('./bench-files')
  await benchFiles()
  // Lead intake (issue 19): 10,000 posts with idempotency checks, SQLite and PostgreSQL stores (prints its own lines).
  const { benchLeadIntake } = await import('./bench-leads')
  await benchLeadIntake()
  // Cold start (issue 20): web mode on the large set to the company list in Chromium, cold and warm, and main's memory.
  const { benchColdStart } = await import('./bench-cold-start')
  await benchColdStart(emit)
  if (process.env.BENCH_SYNC !== '0') await benchSync()
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err)
  process.exit(1)
})
