// The one work list behind one pair of channels: every source is registered, an entry is addressed by
// its source and the id the list gave it, and an entry of one source is not reachable through another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { WORK_LIST_SOURCES } from '../../electron/main/modules/worklist/worklist.sources'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import type { WorkList } from '../../shared/modules/worklist'
import type { MessageRef } from '../../shared/platform/event-message'
import { eventMessage } from '../../shared/i18n/event-text'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

async function sentOffer() {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'NI' })))
  const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
    companyId: company.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand', quantity: 1, unit: 'Stück', unitPriceCents: 100_000, discountPercent: 0, vatRate: 19, optional: false }],
  }))
  await sendOffer(t.ctx, offer.id)
  return offer
}

describe('the work list registry', () => {
  it('holds one source per kind of entry: offer follow-ups, renewal reminders, the use-phase reminders, promises, tasks, discount approvals and leads due for first contact', () => {
    expect(WORK_LIST_SOURCES.map((s) => s.source)).toEqual(['offer', 'contract', 'asset', 'referral', 'feedback', 'promise', 'task', 'approval', 'lead'])
  })

  it('lists, snoozes and completes an entry through worklist.* by its source and id', async () => {
    await sentOffer()
    const list = await dispatch(t.app, 'worklist.list', { ownerId: '', today: '2026-11-30' })
    if (!list.ok) throw new Error(list.error.message)
    const data = list.data as WorkList
    const [first] = [...data.overdue, ...data.dueToday, ...data.upcoming]
    expect(first?.source).toBe('offer')
    const ref = { source: first!.source, id: first!.id }
    expect(await dispatch(t.app, 'worklist.snooze', { ...ref, until: '2026-12-07' })).toEqual({ ok: true, data: { id: first!.id } })
    const done = await dispatch(t.app, 'worklist.complete', { ...ref, channel: 'phone', outcome: 'Kunde erreicht' })
    expect(done).toMatchObject({ ok: true, data: { touchpointId: expect.any(String) } })
    expect(await dispatch(t.app, 'worklist.complete', { ...ref, channel: 'phone', outcome: 'noch einmal' })).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('refuses an unknown source, an id another source gave, and a malformed id without writing', async () => {
    await sentOffer()
    const list = await dispatch(t.app, 'worklist.list', { ownerId: '', today: '2026-12-31' })
    if (!list.ok) throw new Error(list.error.message)
    const offerId = (list.data as WorkList).overdue[0]!.id
    const touchpoints = async () => (await t.ctx.db.selectFrom('touchpoints').select('id').execute()).length
    const before = await touchpoints()
    for (const ref of [{ source: 'task', id: offerId }, { source: 'contract', id: offerId }, { source: 'contract', id: `${offerId}:renewal_soon` }, { source: 'asset', id: offerId }, { source: 'asset', id: 'asset:' }]) {
      expect(await dispatch(t.app, 'worklist.complete', { ...ref, channel: 'phone', outcome: 'x' }), JSON.stringify(ref)).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect(await dispatch(t.app, 'worklist.snooze', { ...ref, until: '2027-01-10' }), JSON.stringify(ref)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    expect(await dispatch(t.app, 'worklist.complete', { source: 'offer', id: offerId, channel: 'pigeon', outcome: 'x' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { channel: 'errors.invalidChoice' } } })
    expect(await dispatch(t.app, 'worklist.list', { ownerId: '', today: '0000-01-01' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { today: 'errors.date' } } })
    expect(await touchpoints()).toBe(before)
  })
})

describe('each entry brings its own view', () => {
  it('the page and the calendar need nothing of the source: label, subject, detail and calendar texts render in either language', async () => {
    const offer = await sentOffer()
    const list = await dispatch(t.app, 'worklist.list', { ownerId: '', today: '2026-11-30' })
    if (!list.ok) throw new Error(list.error.message)
    const entry = (list.data as WorkList).overdue[0]!
    const text = (language: 'de' | 'en', m: MessageRef) => eventMessage(language, m.key, m.params)
    expect(entry.view.subject).toEqual({ text: offer.number, href: `/offers/${offer.id}` })
    expect(text('de', entry.view.label)).toBe(`1. Nachfassen ${offer.number} – ${entry.companyName}`)
    expect(text('en', entry.view.label)).toBe(`1st follow-up ${offer.number} – ${entry.companyName}`)
    expect(text('de', entry.view.detail)).toBe('1. Nachfassen · 1.190,00\u00a0€ · gültig bis 19.12.2026')
    expect(text('en', entry.view.detail)).toBe('1st follow-up · €1,190.00 · valid until 19/12/2026')
    expect(text('en', entry.view.calendarTitle)).toBe(`Follow up offer ${offer.number}`)
    expect(entry.view.valueCents).toBe(119_000)
  })
})
