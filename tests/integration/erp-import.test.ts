// ERP facts imported in the app (issue 17): the preview writes nothing and reports each bad row by its line,
// the import writes nothing at all while a row is bad, a re-import updates the month (one row per company
// and month, its id derived from both), CSV and Excel, the company page's 24 months, merge and delete.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { erpFactId } from '../../db/modules/erp'
import type { CompanyErpFacts, ErpImportPreview, ErpImportResult } from '../../shared/modules/erp'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const count = async (table: 'erp_facts' | 'sync_outbox') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const written = async () => ({ facts: await count('erp_facts'), outbox: await count('sync_outbox') })
const file = (text: string) => ({ fileName: 'erp.csv', base64: Buffer.from(text, 'utf8').toString('base64') })
const HEADER = 'Kundennummer;Monat;Umsatz;Offene Posten;Tage überfällig'
const csv = (...lines: string[]) => file([HEADER, ...lines].join('\r\n'))

async function customers() {
  const a = await must<{ id: string }>('companies.create', validCompany({ name: 'Brunsviga Maschinenbau GmbH', customerNumber: 'K-1001' }))
  const b = await must<{ id: string }>('companies.create', validCompany({ name: 'Harzer Antriebstechnik AG', customerNumber: 'K-1002' }))
  return { a, b }
}

describe('ERP import', () => {
  it('previews without writing, imports on confirmation, and a re-import updates the month', async () => {
    const { a, b } = await customers()
    const input = csv('K-1001;11/2026;1.234,56;500,00;12', 'k-1001 ;2026-10;1250,50;;', 'K-1002;Nov 2026;99;0;0')
    const before = await written()
    const preview = await must<ErpImportPreview>('erp.preview', input)
    expect(await written()).toEqual(before)
    expect(preview).toMatchObject({ format: 'csv', rows: 3, missing: [], companies: 2, firstMonth: '2026-10', lastMonth: '2026-11', created: 3, updated: 0, problemCount: 0 })
    expect(preview.sample[0]).toMatchObject({ line: 2, customerNumber: 'K-1001', companyName: 'Brunsviga Maschinenbau GmbH', month: '2026-11', revenueCents: 123_456, openItemsCents: 50_000, daysOverdue: 12, action: 'new' })
    expect(preview.sample[1]).toMatchObject({ month: '2026-10', revenueCents: 125_050, openItemsCents: 0, daysOverdue: 0 })

    expect(await must<ErpImportResult>('erp.import', input)).toEqual({ created: 3, updated: 0, unchanged: 0, companies: 2 })
    const row = await t.ctx.db.selectFrom('erp_facts').selectAll().where('company_id', '=', a.id).where('month', '=', '2026-11').executeTakeFirstOrThrow()
    expect(row).toMatchObject({ id: erpFactId(a.id, '2026-11'), revenue_cents: 123_456, open_items_cents: 50_000, days_overdue: 12, source: 'import' })
    expect(await count('sync_outbox')).toBe(before.outbox + 3)

    // The same file again changes nothing; changed figures update the month's row, never a second row.
    expect(await must<ErpImportResult>('erp.import', input)).toEqual({ created: 0, updated: 0, unchanged: 3, companies: 2 })
    const changed = csv('K-1001;11/2026;2.000,00;0;0', 'K-1002;12/2026;10;0;0')
    expect((await must<ErpImportPreview>('erp.preview', changed)).sample.map((s) => s.action)).toEqual(['update', 'new'])
    expect(await must<ErpImportResult>('erp.import', changed)).toEqual({ created: 1, updated: 1, unchanged: 0, companies: 2 })
    expect(await count('erp_facts')).toBe(4)
    const facts = await must<CompanyErpFacts>('erp.forCompany', { companyId: a.id })
    expect(facts.months.map((m) => [m.month, m.revenueCents])).toEqual([['2026-10', 125_050], ['2026-11', 200_000]])
    expect(facts.latest).toMatchObject({ month: '2026-11', openItemsCents: 0, daysOverdue: 0 })
    expect(facts.firstMonth).toBe('2024-12')
    expect(facts.revenue12Cents).toBe(325_050)
    expect((await must<CompanyErpFacts>('erp.forCompany', { companyId: b.id })).months).toHaveLength(1) // December 2026 is not yet
  })

  it('reports every bad row with its line and reason and writes nothing, not even the good rows', async () => {
    await customers()
    const bad = csv(
      'K-1001;11/2026;1.234,56;0;0', // good
      'K-9999;11/2026;100;0;0', // unknown customer
      'K-1002;11/2026;-5,00;0;0', // negative revenue
      'K-1002;13/2026;5;0;0', // no month
      'K-1001;2026-11;7;0;0', // same customer and month as line 2
      'K-1002;10/2026;zwölf;0;0', // not an amount
      'K-1002;09/2026;1;0;2,5', // days not whole
      'K-7777;13/2026;-1;0;0', // all of it at once
    )
    const before = await written()
    const preview = await must<ErpImportPreview>('erp.preview', bad)
    expect(preview.problems.map((p) => [p.line, p.field, p.key])).toEqual([
      [3, 'customerNumber', 'errors.erpUnknownCustomer'],
      [4, 'revenue', 'errors.notNegative'],
      [5, 'month', 'errors.erpMonth'],
      [6, 'month', 'errors.erpDuplicateMonth'],
      [7, 'revenue', 'errors.erpAmount'],
      [8, 'daysOverdue', 'errors.erpDays'],
      [9, 'month', 'errors.erpMonth'],
      [9, 'revenue', 'errors.notNegative'],
      [9, 'customerNumber', 'errors.erpUnknownCustomer'],
    ])
    expect(preview.badRows).toBe(7)
    expect(preview.problems[3]!.value).toBe('2026-11 (2)')
    const refused = await dispatch(t.app, 'erp.import', bad)
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', message: 'errors.erpRowsBad' } })
    expect(await written()).toEqual(before)
  })

  it('refuses a file without the required columns, an empty file and a broken base64 body, writing nothing', async () => {
    await customers()
    const before = await written()
    const noRevenue = file('Kundennummer;Monat\nK-1001;11/2026\n')
    expect((await must<ErpImportPreview>('erp.preview', noRevenue)).missing).toEqual(['revenue'])
    expect(await dispatch(t.app, 'erp.import', noRevenue)).toMatchObject({ ok: false, error: { message: 'errors.erpColumnsMissing' } })
    expect(await dispatch(t.app, 'erp.import', file(`${HEADER}\n`))).toMatchObject({ ok: false, error: { message: 'errors.importEmpty' } })
    expect(await dispatch(t.app, 'erp.preview', { fileName: 'x.csv', base64: '' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await written()).toEqual(before)
  })

  it('reads an Excel workbook with English headers, typed numbers and a date cell as the month', async () => {
    const { a } = await customers()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('ERP')
    sheet.addRow(['Customer number', 'Month', 'Revenue', 'Open items', 'Days overdue'])
    sheet.addRow(['K-1001', new Date(Date.UTC(2026, 9, 1)), 4321.5, 100, 30])
    sheet.addRow(['K-1001', 'Sep 2026', '1.000,00', 0, 0])
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    const preview = await must<ErpImportPreview>('erp.preview', { fileName: 'erp.xlsx', base64 })
    expect(preview).toMatchObject({ format: 'xlsx', problemCount: 0, created: 2 })
    await must('erp.import', { fileName: 'erp.xlsx', base64 })
    const facts = await must<CompanyErpFacts>('erp.forCompany', { companyId: a.id })
    expect(facts.months).toMatchObject([{ month: '2026-09', revenueCents: 100_000 }, { month: '2026-10', revenueCents: 432_150, openItemsCents: 10_000, daysOverdue: 30 }])
  })

  it('a merge adds up the month both companies have under the survivor; a delete takes the facts with the company', async () => {
    const { a, b } = await customers()
    await must('erp.import', csv('K-1001;11/2026;100,00;50,00;10', 'K-1002;11/2026;20,00;5,00;40', 'K-1002;10/2026;7,00;0;0'))
    await must('companies.merge', { survivorId: a.id, loserId: b.id, take: {} })
    const facts = await must<CompanyErpFacts>('erp.forCompany', { companyId: a.id })
    expect(facts.months).toMatchObject([
      { month: '2026-10', revenueCents: 700 },
      { month: '2026-11', revenueCents: 12_000, openItemsCents: 5_500, daysOverdue: 40 },
    ])
    const live = await t.ctx.db.selectFrom('erp_facts').select(['company_id']).where('deleted_at', 'is', null).execute()
    expect(live).toHaveLength(2)
    expect(live.every((r) => r.company_id === a.id)).toBe(true)
    // The merged-away number still finds the survivor, and updates its month.
    await must('erp.import', csv('K-1002;10/2026;8,00;0;0'))
    expect((await must<CompanyErpFacts>('erp.forCompany', { companyId: a.id })).months[0]).toMatchObject({ month: '2026-10', revenueCents: 800 })
    expect(await t.ctx.db.selectFrom('erp_facts').select('id').where('deleted_at', 'is', null).execute()).toHaveLength(2)

    await must('companies.delete', { id: a.id })
    expect(await t.ctx.db.selectFrom('erp_facts').select('id').where('deleted_at', 'is', null).execute()).toHaveLength(0)
  })
})
