// The lead report (issue 19) on a hand-computed fixture: eight leads of November 2026 (one that arrived at 00:30 German
// time on 1 November counts, one from 31 October 23:30 and a deleted one do not), three companies converted from
// them and their offers — only offers made after the conversion count. The expected figures are worked out by hand
// in the comments, not by the code under test.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertSynced } from '../../db/platform/synced-writes'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { leadReport } from '../../electron/main/modules/leads'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { storedLead, type StoredLeadFixture } from '../helpers/leads'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

const lead = async (f: StoredLeadFixture) => {
  await t.ctx.db.insertInto('leads').values(storedLead(f)).execute()
}

async function offer(companyId: string, number: string, createdAt: string, status: 'won' | 'lost' | 'sent', deleted = false) {
  await t.ctx.db.transaction().execute((trx) => insertSynced(trx, 'offers', {
    id: `offer-${number}`, company_id: companyId, number, contact_id: null, conversation_id: null, status, offer_date: createdAt.slice(0, 10), valid_until: '2026-12-31',
    sent_at: createdAt, closed_at: status === 'sent' ? null : createdAt, order_date: status === 'won' ? createdAt.slice(0, 10) : null,
    order_value_cents: status === 'won' ? 100_000 : null, lost_reason: status === 'lost' ? 'price' : '', contract_id: null,
  }, createdAt))
  if (deleted) await t.ctx.db.updateTable('offers').set({ deleted_at: createdAt }).where('id', '=', `offer-${number}`).execute()
}

describe('the lead report', () => {
  it('counts the funnel by source and campaign, the order rate by lead source, the time to first contact and the reasons', async () => {
    t.setNow('2026-10-01T08:00:00.000Z')
    const a = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name: 'Alpha GmbH', customerNumber: 'K-1' })))
    const b = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name: 'Beta GmbH', customerNumber: 'K-2' })))
    const c = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ name: 'Gamma GmbH', customerNumber: 'K-3' })))
    // L1 Mon 2 Nov, converted after 2 h (within the target) into Alpha; L2 Fri 6 Nov 16:00 German time, converted after
    // 30 h (Saturday; due by the end of Monday: within) into Beta; L3 Tue 10 Nov, rejected after 50 h (Thursday; due
    // by the end of Wednesday: late); L4 Wed 11 Nov, converted after 10 h into Gamma; L7 rejected after 4 h.
    await lead({ id: 'L1', source: 'webinar', campaign: 'Herbst', score: 70, receivedAt: '2026-11-02T08:00:00.000Z', status: 'converted', afterHours: 2, company: a.id })
    await lead({ id: 'L2', source: 'webinar', campaign: 'Herbst', score: 60, receivedAt: '2026-11-06T15:00:00.000Z', status: 'converted', afterHours: 30, company: b.id })
    await lead({ id: 'L3', source: 'webinar', campaign: 'Frühjahr', score: 55, receivedAt: '2026-11-10T09:00:00.000Z', status: 'rejected', afterHours: 50, reason: 'no_budget' })
    await lead({ id: 'L4', source: 'messe', score: 80, receivedAt: '2026-11-11T12:00:00.000Z', status: 'converted', afterHours: 10, company: c.id })
    await lead({ id: 'L5', source: 'messe', score: 20, receivedAt: '2026-11-12T08:00:00.000Z' }) // Marketing-Lead
    await lead({ id: 'L6', source: 'messe', score: 90, receivedAt: '2026-11-12T09:00:00.000Z' }) // open in the inbox
    await lead({ id: 'L7', source: 'messe', score: 65, receivedAt: '2026-11-12T10:00:00.000Z', status: 'rejected', afterHours: 4, reason: 'spam' })
    await lead({ id: 'L9', source: 'webinar', campaign: 'Herbst', score: 10, receivedAt: '2026-10-31T23:30:00.000Z' }) // 1 Nov 00:30 in Germany
    await lead({ id: 'L8', source: 'webinar', campaign: 'Herbst', score: 99, receivedAt: '2026-10-31T22:30:00.000Z' }) // 31 Oct 23:30: outside
    await lead({ id: 'L10', source: 'messe', score: 99, receivedAt: '2026-11-12T11:00:00.000Z', deleted: true })
    // Alpha: an offer before the conversion (does not count), one won and one lost after it, one deleted.
    await offer(a.id, 'A-0', '2026-10-15T09:00:00.000Z', 'won')
    await offer(a.id, 'A-1', '2026-11-05T09:00:00.000Z', 'won')
    await offer(a.id, 'A-2', '2026-11-06T09:00:00.000Z', 'lost')
    await offer(a.id, 'A-3', '2026-11-07T09:00:00.000Z', 'won', true)
    // Beta: one sent (undecided) after the conversion.
    await offer(b.id, 'B-1', '2026-11-09T09:00:00.000Z', 'sent')

    const report = await leadReport(t.ctx, { from: '2026-11-01', to: '2026-11-30' })
    const row = (source: string, campaign: string, n: number[]) => {
      const [leads, marketing, open, converted, rejected, withOffer, withWon, decidedOffers, wonOffers] = n as [number, number, number, number, number, number, number, number, number]
      return { source, campaign, leads, marketing, open, converted, rejected, withOffer, withWon, decidedOffers, wonOffers }
    }
    //                               leads mkt open conv rej offer won decided wonOffers
    expect(report.total).toMatchObject(row('', '', [8, 2, 1, 3, 2, 2, 1, 2, 1]))
    expect(report.total).toMatchObject({ conversionRate: 3 / 8, offerRate: 2 / 8, wonRate: 1 / 8, orderRate: 1 / 2 })
    expect(report.bySource).toEqual([
      { ...row('messe', '', [4, 1, 1, 1, 1, 0, 0, 0, 0]), conversionRate: 1 / 4, offerRate: 0, wonRate: 0, orderRate: null },
      { ...row('webinar', '', [4, 1, 0, 2, 1, 2, 1, 2, 1]), conversionRate: 2 / 4, offerRate: 2 / 4, wonRate: 1 / 4, orderRate: 1 / 2 },
    ])
    expect(report.byCampaign.map((r) => [r.source, r.campaign, r.leads, r.converted, r.withOffer, r.withWon, r.orderRate])).toEqual([
      ['messe', '', 4, 1, 0, 0, null],
      ['webinar', 'Frühjahr', 1, 0, 0, 0, null],
      ['webinar', 'Herbst', 3, 2, 2, 1, 1 / 2],
    ])
    // Decided after 2, 30, 50, 10 and 4 hours: median 10; all but L3 within one business day.
    expect(report.firstContact).toEqual({ decided: 5, medianHours: 10, withinTarget: 4, targetBusinessDays: 1 })
    expect(report.rejectReasons).toEqual([{ reason: 'no_budget', count: 1 }, { reason: 'spam', count: 1 }])

    // The period filters by arrival (German days): October holds L8 only.
    const october = await leadReport(t.ctx, { from: '2026-10-01', to: '2026-10-31' })
    expect(october.total).toMatchObject({ leads: 1, open: 1 })
    expect(october.firstContact).toMatchObject({ decided: 0, medianHours: null })
  })

  it('refuses a period whose end lies before its start, or a day that does not exist', async () => {
    const backwards = await dispatch(t.app, 'reports.leads', { from: '2026-12-01', to: '2026-11-01' })
    expect(backwards).toMatchObject({ ok: false, error: { fields: { to: 'errors.leadReportRange' } } })
    const badDay = await dispatch(t.app, 'reports.leads', { from: '2026-02-30', to: '2026-03-01' })
    expect(badDay.ok).toBe(false)
  })
})
