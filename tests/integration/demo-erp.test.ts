// Demo ERP facts (issue 17): every customer and former customer of the demo has 24 months up to the current
// one, a prospect none; every row fits the row schema the server checks; the figures are the same on every load.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { companyErpFacts } from '../../electron/main/modules/erp'
import { DEMO_SIZES, loadDemoData } from '../../electron/main/modules/demo/demo-data.service'
import { addDemoErpFacts, demoErpRows } from '../../electron/main/modules/demo/demo-data.erp'
import { rowProblem } from '../../shared/modules/sync'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

describe('demo ERP facts', () => {
  it('24 months per customer up to the current month, none for a prospect, a former customer stopped ordering', () => {
    const now = Date.parse('2026-11-20T09:00:00.000Z')
    const rows = demoErpRows('01930000-0000-7000-8000-000000000001', 7, 'customer', now)
    expect(rows.map((r) => r.month)).toEqual(Array.from({ length: 24 }, (_, k) => `${k < 1 ? 2024 : k < 13 ? 2025 : 2026}-${String(((k + 11) % 12) + 1).padStart(2, '0')}`))
    expect(rows.map(({ id: _id, ...r }) => rowProblem('erp_facts', r))).toEqual(rows.map(() => null))
    expect(rows.at(-1)!.days_overdue).toBeGreaterThan(0) // every seventh company pays late
    expect(demoErpRows('01930000-0000-7000-8000-000000000002', 2, 'prospect', now)).toEqual([])
    const former = demoErpRows('01930000-0000-7000-8000-000000000003', 4, 'former', now)
    expect(former.slice(-7).every((r) => r.revenue_cents === 0)).toBe(true)
    expect(former[0]!.revenue_cents).toBeGreaterThan(0)
    expect(demoErpRows('01930000-0000-7000-8000-000000000001', 7, 'customer', now)).toEqual(rows)
  })

  it('the small demo writes them for its customers, each with its outbox operation, shown on the company page', async () => {
    await loadDemoData(t.ctx, DEMO_SIZES.small)
    const companies = await t.ctx.db.selectFrom('companies').select(['id', 'status']).execute()
    const customers = companies.filter((c) => c.status !== 'prospect')
    const facts = await t.ctx.db.selectFrom('erp_facts').select(['company_id']).execute()
    expect(facts).toHaveLength(customers.length * 24)
    const ops = await t.ctx.db.selectFrom('sync_outbox').select('op_id').where('table_name', '=', 'erp_facts').execute()
    expect(ops).toHaveLength(facts.length)
    const page = await companyErpFacts(t.ctx, customers[0]!.id)
    expect(page.months.length).toBeGreaterThan(0)
    expect(page.months.at(-1)!.month).toBe('2026-11')
  })

  it('adds them to a database seeded before they existed, once: companies with facts and prospects are left alone', async () => {
    const must = mustOf(() => t.app)
    const a = await must<{ id: string }>('companies.create', validCompany({ name: 'A GmbH', customerNumber: 'A-1', status: 'customer' }))
    await must<{ id: string }>('companies.create', validCompany({ name: 'B GmbH', customerNumber: 'B-1', status: 'prospect' }))
    const c = await must<{ id: string }>('companies.create', validCompany({ name: 'C GmbH', customerNumber: 'C-1', status: 'customer' }))
    await must('erp.import', { fileName: 'erp.csv', base64: Buffer.from('Kundennummer;Monat;Umsatz\nC-1;11/2026;5\n').toString('base64') })
    const now = t.ctx.clock()
    expect(await addDemoErpFacts(t.ctx.db, now.getTime(), now.toISOString())).toBe(24)
    expect(await addDemoErpFacts(t.ctx.db, now.getTime(), now.toISOString())).toBe(0)
    const byCompany = await t.ctx.db.selectFrom('erp_facts').select(['company_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('company_id').execute()
    expect(Object.fromEntries(byCompany.map((r) => [r.company_id, Number(r.n)]))).toEqual({ [a.id]: 24, [c.id]: 1 })
  })
})
