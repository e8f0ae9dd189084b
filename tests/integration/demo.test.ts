// The demo lives in a database of its own (issue 13, item 5): switching to it and back through the
// channels leaves the user's database exactly as it was, demo numbers never equal real ones, the demo
// never connects to a server, and demo data is refused in the user's database.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database'
import { demoDatabasePath, startCore, type Core } from '../../electron/main/core'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { track } from '../../electron/main/platform/activity'
import { tempDir, validCompany } from '../helpers/temp-db'

const clock = () => new Date('2026-11-20T09:00:00.000Z')
const TABLES = ['companies', 'contacts', 'touchpoints', 'offers', 'contracts', 'cases', 'referrals', 'users', 'sync_outbox'] as const

let dir: string
let core: Core
const DEMO_FILE = () => path.join(dir, 'Demo', 'kundenreise-demo.sqlite')

async function must<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await dispatch(core.app, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

/** Rows per table (deleted ones included) in the open database: what must not change in the user's database. */
async function snapshot(): Promise<Record<string, number>> {
  const db = core.app.ctx.db
  const out: Record<string, number> = {}
  for (const table of TABLES) out[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  return out
}

const numbers = async (table: 'offers' | 'contracts' | 'cases') => (await core.app.ctx.db.selectFrom(table).select('number').execute()).map((r) => r.number)

/** The user's own data: a company with an offer (its number carries this device's code). */
async function ownData() {
  const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Eigene Firma GmbH', customerNumber: 'K-1' }))
  const item = { productId: '', sku: '', name: 'Beratung', description: '', quantity: 1, unit: 'Tag', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19, optional: false }
  await must('offers.create', {
    companyId: company.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
}

beforeEach(async () => {
  dir = tempDir()
  core = await startCore(path.join(dir, 'kundenreise.sqlite'), 'web', clock)
  await core.upkeepDone
})

afterEach(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the demo database', () => {
  it('lies in a folder of its own next to the user’s database, named after it, and is never the same file', () => {
    expect(demoDatabasePath('/data/kundenreise.sqlite')).toBe(path.join('/data', 'Demo', 'kundenreise-demo.sqlite'))
    expect(demoDatabasePath('/data/team.db')).toBe(path.join('/data', 'Demo', 'team-demo.db'))
    expect(demoDatabasePath('/data/Demo/kundenreise-demo.sqlite')).not.toBe('/data/Demo/kundenreise-demo.sqlite')
  })

  it('switching to the demo and back leaves the user’s database as it was; the demo has its own data and numbers', async () => {
    await ownData()
    const before = await snapshot()
    const ownNumbers = await numbers('offers')
    expect((await must<{ database?: string }>('app.info')).database).toBe('real')

    expect(await must('demo.open')).toEqual({ database: 'demo' })
    const info = await must<{ database?: string; databasePath: string; pendingChanges: number }>('app.info')
    expect(info).toMatchObject({ database: 'demo', databasePath: DEMO_FILE(), pendingChanges: 0 })
    const demoCompanies = await must<{ total: number; rows: Array<{ name: string }> }>('companies.list', { limit: 100 })
    expect(demoCompanies.total).toBe(60)
    expect(demoCompanies.rows.map((c) => c.name)).not.toContain('Eigene Firma GmbH')
    // Demo numbers are visibly demo: a real device code is Crockford base 32 and never contains an O.
    for (const table of ['offers', 'contracts', 'cases'] as const) {
      const demoNumbers = await numbers(table)
      expect(demoNumbers.length).toBeGreaterThan(0)
      for (const n of demoNumbers) expect(n).toMatch(/^[AVS]-\d{4}-DEMO0-\d{4}$/)
    }
    expect((await numbers('offers')).filter((n) => ownNumbers.includes(n))).toEqual([])
    // No company recommended itself (issue 13, item 11).
    const selfReferrals = await core.app.ctx.db.selectFrom('referrals').select('id').whereRef('company_id', '=', 'referred_company_id').execute()
    expect(selfReferrals).toEqual([])
    // Nothing waits for a server: the outbox of the filling is dropped.
    expect(await snapshot()).toMatchObject({ sync_outbox: 0 })

    expect(await must('demo.close')).toEqual({ database: 'real' })
    expect(await must<{ database?: string; databasePath: string }>('app.info')).toMatchObject({ database: 'real', databasePath: path.join(dir, 'kundenreise.sqlite') })
    expect(await snapshot()).toEqual(before)
    expect(await numbers('offers')).toEqual(ownNumbers)
    const own = await must<{ total: number; rows: Array<{ name: string }> }>('companies.list', { limit: 100 })
    expect(own.rows.map((c) => c.name)).toEqual(['Eigene Firma GmbH'])
  })

  it('keeps its letters and its logo copy to itself: the user’s Profil/ and Dokumente/ stay as they were', async () => {
    // What lives next to the user's database: the copy of their logo and a letter made earlier.
    const logo = path.join(dir, 'Profil', 'Firmenlogo')
    mkdirSync(path.dirname(logo), { recursive: true })
    writeFileSync(logo, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
    mkdirSync(path.join(dir, 'Dokumente'))
    writeFileSync(path.join(dir, 'Dokumente', 'Angebot-A-2026-7KQ3M-0001-12345678.docx'), 'letter')
    await must('demo.open')
    // A letter made in the demo goes to the demo's own folder.
    const sent = await core.app.ctx.db.selectFrom('offers').select('id').where('status', '=', 'sent').executeTakeFirstOrThrow()
    await must('offers.document', { id: sent.id })
    await must('demo.close')
    expect(readFileSync(logo)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
    expect(readdirSync(path.join(dir, 'Dokumente'))).toEqual(['Angebot-A-2026-7KQ3M-0001-12345678.docx'])
    expect(readdirSync(path.join(dir, 'Demo', 'Dokumente')).length).toBe(1)
  })

  it('waits for what runs on the user\'s database before closing it, and refuses a change from a window still showing the other one', async () => {
    const db = core.app.ctx.db
    // A save in progress on the user's database when the switch is asked for.
    const saving = track(core.app.ctx, async () => {
      await new Promise((resolve) => setTimeout(resolve, 150))
      return db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    })
    const switched = must('demo.open')
    expect(await saving).toEqual({ n: expect.any(Number) })
    await switched
    // A tab that still shows the user's data sends a change: refused, nothing lands in the demo.
    const before = (await must<{ total: number }>('companies.list', { limit: 1 })).total
    const stale = await dispatch(core.app, 'companies.create', validCompany({ name: 'Falsches Fenster GmbH', customerNumber: '' }), { database: 'real' })
    expect(stale).toEqual({ ok: false, error: { code: 'conflict', message: 'errors.databaseSwitched' } })
    expect((await must<{ total: number }>('companies.list', { limit: 1 })).total).toBe(before)
  })

  it('its statuses agree with its business: filling and the first upkeep move none (no prospect has won an offer)', async () => {
    await must('demo.open')
    const moves = await core.app.ctx.db.selectFrom('touchpoints').select('id').where('message_key', 'like', 'company.became%').execute()
    expect(moves).toEqual([])
    const prospectsWithWins = await core.app.ctx.db.selectFrom('offers').innerJoin('companies', 'companies.id', 'offers.company_id')
      .select('offers.id').where('companies.status', '=', 'prospect').where('offers.status', '=', 'won').execute()
    expect(prospectsWithWins).toEqual([])
  })

  it('numbers what is made there by hand with DEMO0 too, never with a real device code', async () => {
    await must('demo.open')
    await ownData()
    const own = (await numbers('offers')).filter((n) => !/-DEMO0-/.test(n))
    expect(own).toEqual([])
  })

  it('is filled once: opening it again keeps what was changed there', async () => {
    await must('demo.open')
    await must('companies.create', validCompany({ name: 'In der Demo angelegt GmbH', customerNumber: '' }))
    await must('demo.close')
    await must('demo.open')
    expect((await must<{ total: number }>('companies.list', { limit: 1 })).total).toBe(61)
    expect(await must('demo.load')).toEqual({ companies: 61 })
  })

  it('a filling that was interrupted leaves no half-filled demo: the next opening makes it afresh', async () => {
    mkdirSync(path.dirname(DEMO_FILE()), { recursive: true })
    writeFileSync(`${DEMO_FILE()}.partial`, 'what an interrupted filling left behind')
    await must('demo.open')
    expect((await must<{ total: number }>('companies.list', { limit: 1 })).total).toBe(60)
    expect(readdirSync(path.dirname(DEMO_FILE())).filter((f) => f.includes('.partial'))).toEqual([])
  })

  it('never connects to a sync server', async () => {
    await must('demo.open')
    const connect = await dispatch(core.app, 'sync.connect', { serverUrl: 'http://127.0.0.1:9', login: 'anna', password: 'geheim' })
    expect(connect).toEqual({ ok: false, error: { code: 'forbidden', message: 'demo.syncUnavailable' } })
    expect(await must<{ state: string }>('sync.status')).toMatchObject({ state: 'disconnected' })
  })

  it('demo data is refused in the user’s database', async () => {
    await ownData()
    const before = await snapshot()
    const load = await dispatch(core.app, 'demo.load', { size: 'small' })
    expect(load).toEqual({ ok: false, error: { code: 'forbidden', message: 'demo.errors.loadRefused' } })
    expect(await snapshot()).toEqual(before)
    expect(existsSync(DEMO_FILE())).toBe(false)
  })

  it('a file at the demo path that is not a demo database is left alone, and the app stays on the user’s data', async () => {
    await ownData()
    await core.close()
    // A copy of a real database under the demo name (someone renamed a file).
    mkdirSync(path.dirname(DEMO_FILE()), { recursive: true })
    const other = await openDatabase(DEMO_FILE())
    await other.close()
    core = await startCore(path.join(dir, 'kundenreise.sqlite'), 'web', clock)
    const before = await snapshot()
    const open = await dispatch(core.app, 'demo.open', {})
    expect(open).toEqual({ ok: false, error: { code: 'conflict', message: 'demo.errors.notDemoDatabase' } })
    expect(core.app.env.database).toBe('real')
    expect(await snapshot()).toEqual(before)
    const check = await openDatabase(DEMO_FILE())
    expect(Number((await check.db.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(0)
    await check.close()
  })

  it('a damaged demo file is refused calmly and the app stays on the user’s data', async () => {
    mkdirSync(path.dirname(DEMO_FILE()), { recursive: true })
    writeFileSync(DEMO_FILE(), 'not a database at all, just text')
    const open = await dispatch(core.app, 'demo.open', {}, { log: () => {} })
    expect(open).toEqual({ ok: false, error: { code: 'conflict', message: 'demo.errors.openFailed' } })
    expect(core.app.env.database).toBe('real')
    expect((await must<{ total: number }>('companies.list', { limit: 1 })).total).toBe(0)
  })

  it('the app starts on the user’s database even after it was left in the demo', async () => {
    await must('demo.open')
    await core.close()
    core = await startCore(path.join(dir, 'kundenreise.sqlite'), 'web', clock)
    expect(await must<{ database?: string }>('app.info')).toMatchObject({ database: 'real' })
  })
})
