// The work list of a rep who looks at 00:30 German time is the list of the German day, not of the UTC day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers'
import { createOffer, sendOffer } from '../../electron/main/modules/offers'
import { workList, workListIcs } from '../../electron/main/modules/worklist'
import { companyFieldsSchema } from '../../shared/modules/customers'
import { offerFieldsSchema } from '../../shared/modules/offers'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
})
afterEach(async () => t.cleanup())

describe('today in Germany', () => {
  it('at 2027-03-01T23:30:00Z the work list is the one of 2 March', async () => {
    t.setNow('2027-02-25T09:00:00.000Z') // a Thursday
    const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', federalState: 'NI' })))
    const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
      companyId: company.id, offerDate: '2027-02-25', validUntil: '2027-03-27', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
      items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 125_050, discountPercent: 0, vatRate: 7, optional: false }],
    }))
    await sendOffer(t.ctx, offer.id) // first follow-up: 3 business days later, Tuesday 2 March

    t.setNow('2027-03-01T22:30:00.000Z') // 23:30 on 1 March in Germany
    const evening = await workList(t.ctx, { ownerId: '' })
    expect(evening.today).toBe('2027-03-01')
    expect(evening.dueToday.map((i) => i.dueDate)).toEqual([])

    t.setNow('2027-03-01T23:30:00.000Z') // 00:30 on 2 March in Germany; UTC still says 1 March
    const night = await workList(t.ctx, { ownerId: '' })
    expect(night.today).toBe('2027-03-02')
    expect(night.dueToday.map((i) => [i.source, i.dueDate])).toEqual([['offer', '2027-03-02']])

    // The same entries as a calendar file for Outlook: all-day events, CRLF, folded lines, stable UIDs.
    const ics = await workListIcs(t.ctx, { ownerId: '' })
    expect(ics.content.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(ics.content).toContain('DTSTART;VALUE=DATE:20270302')
    expect(ics.content).toContain('DTEND;VALUE=DATE:20270303')
    expect(ics.content).toContain(`SUMMARY:Angebot ${offer.number} nachfassen`)
    expect(ics.content).toContain(`UID:${night.dueToday[0]!.id}@kundenreise`)
    // Folded at 75 characters (the library counts characters; RFC 5545 asks for octets, clients read both).
    for (const line of ics.content.split('\r\n')) expect([...line].length).toBeLessThanOrEqual(75)
  })
})
