// The erasure of a lead never converted (docs/leads.md "DSGVO erasure"): its `erasures` row names the lead and no
// company, which the row schema accepts only as '' (not any text), and the laptop's checksum counts such a row
// organisation-wide — where the server stores it — so the scopes agree after the erasure.
import { afterEach, describe, expect, it } from 'vitest'
import { CompiledQuery } from 'kysely'
import { scopedRows } from '../../electron/main/modules/sync/checksum'
import { rowProblem } from '../../shared/modules/sync'
import { ORG_SCOPE, UNASSIGNED_SCOPE } from '../../shared/modules/sync/tables'
import { openTestDb, type TestDb } from '../helpers/temp-db'

const erasure = (over: Record<string, unknown>) => ({
  created_at: '2026-11-20T09:00:00.000Z', company_id: '', table_name: 'leads', row_id: '01900000-0000-7000-8000-000000000001',
  erased_by: 'u1', erased_at: '2026-11-20T09:00:00.000Z', offer_decision: '', ...over,
})

describe('the erasure row of a lead', () => {
  it('names a lead or a contact; the company is an id or empty, nothing else', () => {
    expect(rowProblem('erasures', erasure({}))).toBeNull()
    expect(rowProblem('erasures', erasure({ table_name: 'contacts', company_id: '01900000-0000-7000-8000-000000000002' }))).toBeNull()
    expect(rowProblem('erasures', erasure({ company_id: 'Hansen GmbH' }))).toBe('company_id: invalid')
    expect(rowProblem('erasures', erasure({ table_name: 'offers' }))).toBe('table_name: invalid')
  })

  let t: TestDb | null = null
  afterEach(async () => {
    await t?.cleanup()
    t = null
  })
  it('counts organisation-wide in the laptop’s checksum when it names no company', async () => {
    t = await openTestDb({ fresh: true })
    const values = (id: string, companyId: string) => ({ ...erasure({ company_id: companyId }), id, updated_at: '2026-11-20T09:00:00.000Z', server_version: 7 })
    await t.ctx.db.insertInto('erasures').values([values('e1', ''), values('e2', 'no-such-company')] as never).execute()
    const { rows } = await t.ctx.db.executeQuery<{ scope: string; id: string }>(CompiledQuery.raw(`select scope, id from (${scopedRows('erasures')}) order by id`))
    expect(rows.map((r) => [r.id, r.scope])).toEqual([['e1', ORG_SCOPE], ['e2', UNASSIGNED_SCOPE]])
  })
})
