// A damaged term history is never read as "no terms" (a roll would then rewrite the synced history from
// nothing): reading fails loudly with a clear message and the tacit renewal leaves the contract alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers'
import { createContract, getContract, rollContracts } from '../../electron/main/modules/contracts'
import { contractFieldsSchema } from '../../shared/modules/contracts'
import { companyFieldsSchema } from '../../shared/modules/customers'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

describe('contract term history', () => {
  it('a damaged history fails loudly and is never rewritten by the tacit renewal', async () => {
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'BY', status: 'customer' })))
    const contract = await createContract(t.ctx, contractFieldsSchema.parse({
      companyId: company.id, type: 'maintenance', title: 'Wartung', startDate: '2025-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months',
      renewalMonths: 12, annualValueCents: 1_200_000, notes: '',
    }))
    expect((await getContract(t.ctx, contract.id)).terms.length).toBeGreaterThan(0)
    const other = await createContract(t.ctx, contractFieldsSchema.parse({
      companyId: company.id, type: 'service', title: 'Hotline', startDate: '2025-01-01', minimumTermMonths: 12, noticeValue: 1, noticeUnit: 'months',
      renewalMonths: 12, annualValueCents: 240_000, notes: '',
    }))
    // Damaged behind the app's back (the sync checks every pulled row; this simulates a broken file).
    await t.ctx.db.updateTable('contracts').set({ terms_log: '{not json' }).where('id', '=', contract.id).execute()
    await expect(getContract(t.ctx, contract.id)).rejects.toMatchObject({ code: 'conflict', message: 'errors.contractHistoryDamaged' })
    const before = await t.ctx.db.selectFrom('contracts').select(['terms_log', 'end_date']).where('id', '=', contract.id).executeTakeFirstOrThrow()
    t.setNow('2027-06-01T09:00:00.000Z') // past the first term's end: the roll would renew it
    const otherEnd = (await getContract(t.ctx, other.id)).endDate
    await rollContracts(t.ctx) // the damaged one is skipped, the other one still renews
    const otherAfter = await getContract(t.ctx, other.id)
    expect([otherEnd, otherAfter.endDate, otherAfter.status]).toEqual(['2026-12-31', '2027-12-31', 'renewed'])
    const after = await t.ctx.db.selectFrom('contracts').select(['terms_log', 'end_date']).where('id', '=', contract.id).executeTakeFirstOrThrow()
    expect(after).toEqual(before)
  })
})
