// The company list with each customer's health score (issue 17): the score and its light on every row, the sort
// by score (worst first, companies without a score last either way), the filter by light, and the list export's
// columns. The scores are written straight into the derived table: the test is about the list, not the score.
import { Kysely } from 'kysely'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../db/database.types'
import { listCompanies as queryCompanies } from '../../db/modules/customers/company.repository'
import { Sqlite3Dialect } from '../../db/platform/sqlite/sqlite3-dialect'
import { createCompany, listCompanies } from '../../electron/main/modules/customers/company.service'
import { exportCompanies } from '../../electron/main/modules/customers/company-export.service'
import { companyExportSchema, companyFieldsSchema, companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import type { HealthLight } from '../../shared/modules/customers'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
const ids: Record<string, string> = {}

/** Sets a company's score as the success module would have stored it; null removes it (not computed). */
async function setHealth(name: string, health: { score: number; light: HealthLight } | null) {
  await t.ctx.db.deleteFrom('company_health').where('company_id', '=', ids[name]!).execute()
  if (health) {
    await t.ctx.db.insertInto('company_health').values({
      company_id: ids[name]!, score: health.score, light: health.light, reasons: '[]', components: '{}', computed_at: '2026-11-20T09:00:00.000Z',
    }).execute()
  }
}

beforeEach(async () => {
  t = await openTestDb()
  const companies = [
    { name: 'Albrecht Antriebe GmbH', status: 'customer', city: 'Hannover' },
    { name: 'Becker Haustechnik GmbH', status: 'customer', city: 'Braunschweig' },
    { name: 'Böhm Maschinenbau AG', status: 'customer', city: 'Würzburg' },
    { name: 'Dietz Druckluft KG', status: 'customer', city: 'Ulm' },
    { name: 'Engel Elektro OHG', status: 'prospect', city: 'Kassel' },
    { name: 'Fuchs Fördertechnik GmbH', status: 'customer', city: 'Bremen' },
  ]
  for (const c of companies) {
    ids[c.name] = (await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', ...c })))).id
  }
  await setHealth('Albrecht Antriebe GmbH', { score: 82, light: 'green' })
  await setHealth('Becker Haustechnik GmbH', { score: 31, light: 'red' })
  await setHealth('Böhm Maschinenbau AG', { score: 55, light: 'yellow' })
  await setHealth('Dietz Druckluft KG', { score: 12, light: 'red' })
  await setHealth('Engel Elektro OHG', null)
  await setHealth('Fuchs Fördertechnik GmbH', { score: 55, light: 'yellow' })
})
afterEach(async () => t.cleanup())

const companies = (q: Record<string, unknown> = {}) => listCompanies(t.ctx, companyListQuerySchema.parse(q) as Parameters<typeof listCompanies>[1])
const names = async (q: Record<string, unknown>) => (await companies(q)).rows.map((r) => r.name)

describe('company list with the health score', () => {
  it('carries each company\'s score and light, and none for a company without a score', async () => {
    const rows = Object.fromEntries((await companies()).rows.map((r) => [r.name, r.health]))
    expect(rows).toEqual({
      'Albrecht Antriebe GmbH': { score: 82, light: 'green' },
      'Becker Haustechnik GmbH': { score: 31, light: 'red' },
      'Böhm Maschinenbau AG': { score: 55, light: 'yellow' },
      'Dietz Druckluft KG': { score: 12, light: 'red' },
      'Engel Elektro OHG': null,
      'Fuchs Fördertechnik GmbH': { score: 55, light: 'yellow' },
    })
  })

  it('sorts by score, worst first, equal scores by name, companies without a score last in both directions', async () => {
    expect(await names({ sort: 'health' })).toEqual([
      'Dietz Druckluft KG', 'Becker Haustechnik GmbH', 'Böhm Maschinenbau AG', 'Fuchs Fördertechnik GmbH', 'Albrecht Antriebe GmbH', 'Engel Elektro OHG',
    ])
    expect(await names({ sort: 'health', dir: 'desc' })).toEqual([
      'Albrecht Antriebe GmbH', 'Fuchs Fördertechnik GmbH', 'Böhm Maschinenbau AG', 'Becker Haustechnik GmbH', 'Dietz Druckluft KG', 'Engel Elektro OHG',
    ])
    // Paging keeps the order: the third and fourth of the worst-first list.
    const page = await companies({ sort: 'health', offset: 2, limit: 2 })
    expect(page).toMatchObject({ total: 6, offset: 2 })
    expect(page.rows.map((r) => r.name)).toEqual(['Böhm Maschinenbau AG', 'Fuchs Fördertechnik GmbH'])
    // Pages that reach past the scored companies: the one without a score follows, and stands alone on the last page.
    expect(await names({ sort: 'health', offset: 4, limit: 2 })).toEqual(['Albrecht Antriebe GmbH', 'Engel Elektro OHG'])
    expect(await names({ sort: 'health', offset: 5, limit: 2 })).toEqual(['Engel Elektro OHG'])
    expect(await names({ sort: 'health', offset: 6, limit: 2 })).toEqual([])
    // With the other filters: the customers only (Engel is a prospect), a search.
    expect(await names({ sort: 'health', status: 'customer' })).toEqual([
      'Dietz Druckluft KG', 'Becker Haustechnik GmbH', 'Böhm Maschinenbau AG', 'Fuchs Fördertechnik GmbH', 'Albrecht Antriebe GmbH',
    ])
    expect(await names({ sort: 'health', search: 'Engel' })).toEqual(['Engel Elektro OHG'])
  })

  it('filters by light ("only red"), combined with the other filters and the sort', async () => {
    const red = await companies({ health: 'red', sort: 'health' })
    expect(red.total).toBe(2)
    expect(red.rows.map((r) => [r.name, r.health?.score])).toEqual([['Dietz Druckluft KG', 12], ['Becker Haustechnik GmbH', 31]])
    expect(await names({ health: 'yellow' })).toEqual(['Böhm Maschinenbau AG', 'Fuchs Fördertechnik GmbH'])
    expect(await names({ health: 'green', status: 'customer' })).toEqual(['Albrecht Antriebe GmbH'])
    expect(await names({ health: 'red', search: 'Becker' })).toEqual(['Becker Haustechnik GmbH'])
    // A company without a score has no light: no light filter finds it, the unfiltered list does.
    for (const light of ['red', 'yellow', 'green']) expect(await names({ health: light })).not.toContain('Engel Elektro OHG')
    expect((await companies()).total).toBe(6)
  })

  it('reads the score by primary key for the page, and walks the score index when sorting or filtering by it', async () => {
    // The repository's SQL as it runs, then SQLite's plan for each statement (no ANALYZE: the plan does not depend on
    // the number of rows, so a small database shows the plan of the large one).
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = []
    const logged = new Kysely<Database>({ dialect: new Sqlite3Dialect(t.database.handle), log: (e) => { if (e.level === 'query') statements.push(e.query) } })
    const plansOf = async (q: Record<string, unknown>) => {
      statements.length = 0
      await queryCompanies(logged, companyListQuerySchema.parse(q) as Parameters<typeof queryCompanies>[1])
      const plans: string[] = []
      for (const s of statements) {
        const steps = await t.database.handle.all<{ detail: string }>(`explain query plan ${s.sql}`, s.parameters)
        plans.push(steps.map((p) => p.detail).join(' | '))
      }
      return plans
    }
    // The unfiltered list by name: the name index, the score looked up by primary key, no scan of company_health.
    const [, byName] = await plansOf({ sort: 'name' })
    expect(byName).toContain('SCAN c USING INDEX companies_sort_name')
    expect(byName).not.toMatch(/SCAN company_health|TEMP B-TREE/)
    expect(byName).toMatch(/SEARCH company_health USING INDEX sqlite_autoindex_company_health_1 \(company_id=\?\)/)
    // By score: the score index in order, companies by id; only equal scores are sorted (by name).
    const [, byScore] = await plansOf({ sort: 'health' })
    expect(byScore).toMatch(/^SEARCH h USING (COVERING )?INDEX company_health_score \(score>\?\)/)
    expect(byScore).toContain('SEARCH c USING INDEX sqlite_autoindex_companies_1 (id=?)')
    expect(byScore).toContain('USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY')
    // Only red, by score: the index by light and score; the count of "only red" by light too, driven from it (a join,
    // so the capped count stops at its bound; db/platform/capped-count).
    const [count, redByScore] = await plansOf({ health: 'red', sort: 'health' })
    expect(count).toMatch(/SEARCH m0 USING (COVERING )?INDEX company_health_light \(light=\?\) \| SEARCH c USING INDEX sqlite_autoindex_companies_1 \(id=\?\)/)
    expect(redByScore).toMatch(/^SEARCH h USING (COVERING )?INDEX company_health_light \(light=\? AND score>\?\)/)
    expect(redByScore).toContain('USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY')
  })

  it('refuses a light that is not one', async () => {
    expect(companyListQuerySchema.safeParse({ health: 'purple' }).success).toBe(false)
    expect(companyListQuerySchema.safeParse({ sort: 'score' }).success).toBe(false)
  })

  it('exports the score and the light in the reader\'s language, empty cells without a score, in the list\'s order', async () => {
    const csv = async (language: 'de' | 'en') => {
      const file = await exportCompanies(t.ctx, companyExportSchema.parse({ sort: 'health', format: 'csv', language }) as Parameters<typeof exportCompanies>[1])
      return Papa.parse<string[]>(Buffer.from(file.base64, 'base64').toString('utf8').slice(1), { delimiter: ';', skipEmptyLines: true }).data
    }
    const de = await csv('de')
    expect(de[0]!.slice(-2)).toEqual(['Gesundheit', 'Ampel'])
    expect(de.slice(1).map((r) => [r[0], ...r.slice(-2)])).toEqual([
      ['Dietz Druckluft KG', '12', 'Rot'],
      ['Becker Haustechnik GmbH', '31', 'Rot'],
      ['Böhm Maschinenbau AG', '55', 'Gelb'],
      ['Fuchs Fördertechnik GmbH', '55', 'Gelb'],
      ['Albrecht Antriebe GmbH', '82', 'Grün'],
      ['Engel Elektro OHG', '', ''],
    ])
    const en = await csv('en')
    expect(en[0]!.slice(-2)).toEqual(['Health', 'Traffic light'])
    expect(en[1]!.slice(-1)).toEqual(['Red'])
  })
})
