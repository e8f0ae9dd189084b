// Lists count only so far past their page (db/platform/capped-count, issue 20): a count that stopped says so
// ("more than"), a page further down counts further, a filter with few matches is counted exactly, and an export
// still gets every row (it asks its count with its own row limit, not the list's look-ahead).
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countUpTo, COUNT_AHEAD } from '../../db/platform/capped-count'
import { listCompanies } from '../../electron/main/modules/customers/company.service'
import { listTouchpoints } from '../../electron/main/modules/customers/touchpoint.service'
import { companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import { touchpointListQuerySchema } from '../../shared/modules/customers/touchpoint.schema'
import type { ExportFile } from '../../shared/platform/export-file'
import { mustOf, openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
const COMPANIES = COUNT_AHEAD + 150 // more than the first page counts ahead (100 + COUNT_AHEAD)
let firstCompany = ''

const must = mustOf(() => t.app)

beforeAll(async () => {
  t = await openTestDb()
  for (let i = 0; i < COMPANIES; i++) {
    const { id } = await must<{ id: string }>('companies.create', validCompany({
      name: `Firma ${String(i).padStart(4, '0')} GmbH`, customerNumber: `K-${i}`, status: i % 50 === 0 ? 'former' : 'customer',
    }))
    if (i === 0) firstCompany = id
  }
  for (let i = 0; i < 40; i++) await must('touchpoints.create', { companyId: firstCompany, channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: `Anruf Nr. ${i}`, occurredAt: '2026-11-19T10:00:00.000Z' })
}, 120_000)
afterAll(async () => t.cleanup())

const companies = (q: Record<string, unknown>, countAhead?: number) =>
  listCompanies(t.ctx, companyListQuerySchema.parse(q) as Parameters<typeof listCompanies>[1], countAhead)

describe('capped list counts', () => {
  it('counts a long list only up to its look-ahead and says the count is a lower bound', async () => {
    const first = await companies({ limit: 100 })
    expect(first.rows).toHaveLength(100)
    expect(first).toMatchObject({ total: 100 + COUNT_AHEAD, totalIsLowerBound: true })
  })

  it('counts exactly once the page is within the look-ahead of the end', async () => {
    const last = await companies({ offset: 1000, limit: 100 })
    expect(last).toMatchObject({ total: COMPANIES, totalIsLowerBound: false })
    const further = await companies({ offset: 200, limit: 100 }, 10)
    expect(further).toMatchObject({ total: 310, totalIsLowerBound: true })
  })

  it('counts a filter with few matches exactly', async () => {
    const former = await companies({ status: 'former', limit: 100 })
    expect(former).toMatchObject({ total: Math.ceil(COMPANIES / 50), totalIsLowerBound: false })
    expect(former.rows).toHaveLength(Math.ceil(COMPANIES / 50))
  })

  it('says "exactly" when the matches end right at the bound', async () => {
    const query = t.ctx.db.selectFrom('companies').where('deleted_at', 'is', null)
    expect(await countUpTo(t.ctx.db, query, { offset: 0, limit: COMPANIES - 10 }, 10)).toEqual({ total: COMPANIES, totalIsLowerBound: false })
    expect(await countUpTo(t.ctx.db, query, { offset: 0, limit: COMPANIES - 10 }, 9)).toEqual({ total: COMPANIES - 1, totalIsLowerBound: true })
  })

  it('ends a company\'s timeline with its creation only when the count is exact', async () => {
    const touchpoints = (q: Record<string, unknown>, ahead?: number) =>
      listTouchpoints(t.ctx, touchpointListQuerySchema.parse({ companyId: firstCompany, ...q }) as Parameters<typeof listTouchpoints>[1], ahead)
    expect(await touchpoints({ limit: 10 }, 5)).toMatchObject({ total: 15, totalIsLowerBound: true })
    const timeline = await must<{ rows: Array<{ kind: string }>; total: number; totalIsLowerBound?: boolean }>('timeline.forCompany', { companyId: firstCompany, offset: 30, limit: 20 })
    expect(timeline.totalIsLowerBound).toBe(false)
    expect(timeline.rows.map((r) => r.kind).at(-1)).toBe('company_created')
  })

  it('exports every row of a list longer than the look-ahead', async () => {
    const file = await must<ExportFile>('companies.export', { format: 'csv', language: 'de' })
    const text = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '')
    const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data
    expect(rows).toHaveLength(COMPANIES + 1)
  })
})
