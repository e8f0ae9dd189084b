// The company status follows the business (issue 13, item 7): a won offer or a contract makes a prospect a
// customer, the last contract ending makes a customer a former customer (on the account owner's device, in
// the daily roll), each with its event on the timeline and as a synced edit; a status set by hand stays;
// applying a pull never moves it. And a new company without an owner is the current user's (item 11).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { createCompany, getCompany, listCompanies, updateCompany } from '../../electron/main/modules/customers/company.service'
import { createContact } from '../../electron/main/modules/customers/contact.service'
import { refreshJourneys } from '../../electron/main/modules/customers/journey.service'
import { companyTimeline } from '../../electron/main/modules/customers/touchpoint.service'
import { createContract } from '../../electron/main/modules/contracts/contract.service'
import { rollContracts } from '../../electron/main/modules/contracts/contract-roll.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { contractFieldsSchema, type ContractFieldsInput } from '../../shared/modules/contracts/contract.schema'
import { companyFieldsSchema, companyListQuerySchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import type { CompanyStatus } from '../../shared/modules/customers/customer.enums'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { eventLine } from '../../shared/i18n/event-text'
import { newId } from '../../db/platform/ids'
import { openTestDb, validCompany, type TestDb } from '../helpers/temp-db'

let t: TestDb
const COLLEAGUE = newId()
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-19T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

async function prospect(status: CompanyStatus = 'prospect', ownerId = '') {
  const company = await createCompany(t.ctx, companyFieldsSchema.parse(validCompany({ customerNumber: '', status, ownerId })))
  const contact = await createContact(t.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de' }))
  return { company, contact }
}

const item = { name: 'Wartung Prüfstände', quantity: 1, unit: 'Pauschale', unitPriceCents: 1_200_000, discountPercent: 0, vatRate: 19 as const, optional: false }
const contractInput = (companyId: string, o: Partial<ContractFieldsInput> = {}) => contractFieldsSchema.parse({
  companyId, type: 'maintenance', title: 'Wartung', startDate: '2027-01-01', minimumTermMonths: 12, noticeValue: 3, noticeUnit: 'months',
  renewalMonths: 0, annualValueCents: 1_200_000, notes: '', ...o,
})

async function wonOffer(companyId: string, contactId: string) {
  const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
    companyId, contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  }))
  await sendOffer(t.ctx, offer.id)
  return winOffer(t.ctx, { id: offer.id, orderDate: '2026-11-25', orderValueCents: 1_200_000 })
}

const statusOf = async (id: string) => (await getCompany(t.ctx, id)).status
const statusEvents = async (companyId: string) => {
  const page = await companyTimeline(t.ctx, { companyId, offset: 0, limit: 100 })
  return page.rows.flatMap((r) => (r.kind === 'touchpoint' && r.touchpoint.messageKey?.startsWith('company.') ? [r.touchpoint] : []))
}
const statusOps = async (companyId: string) => (await t.ctx.db.selectFrom('sync_outbox').select('fields').where('table_name', '=', 'companies')
  .where('row_id', '=', companyId).where('kind', '=', 'update').execute()).map((o) => JSON.parse(o.fields) as Record<string, { old: unknown; new: unknown }>)
  .filter((f) => f.status).map((f) => f.status!.new)

describe('the company status follows the business', () => {
  it('a won offer makes a prospect a customer: a synced edit, an event on the timeline, found by the status filter', async () => {
    const { company, contact } = await prospect()
    const offer = await wonOffer(company.id, contact.id)
    expect(await statusOf(company.id)).toBe('customer')
    expect(await statusOps(company.id)).toEqual(['customer'])
    const [event] = await statusEvents(company.id)
    expect(event).toMatchObject({ messageKey: 'company.becameCustomerByOffer', messageParams: { from: 'prospect', number: offer.number } })
    expect(eventLine('de', { messageKey: event!.messageKey, messageParams: event!.messageParams, text: '' })).toBe(`Status Interessent → Kunde: Angebot ${offer.number} gewonnen`)
    const customers = await listCompanies(t.ctx, companyListQuerySchema.parse({ status: 'customer' }) as Required<ReturnType<typeof companyListQuerySchema.parse>>)
    expect(customers.rows.map((r) => r.id)).toEqual([company.id])
    // The contract made from the won offer changes nothing more.
    await createContract(t.ctx, contractInput(company.id, { offerId: offer.id }))
    expect(await statusEvents(company.id)).toHaveLength(1)
  })

  it('a contract made directly makes a prospect (or a former customer) a customer', async () => {
    const { company } = await prospect('former')
    const contract = await createContract(t.ctx, contractInput(company.id))
    expect(await statusOf(company.id)).toBe('customer')
    expect((await statusEvents(company.id)).map((e) => [e.messageKey, e.messageParams])).toEqual([['company.becameCustomerByContract', { from: 'former', number: contract.number }]])
  })

  it('a status set by hand stays: the same business does not move it again', async () => {
    const { company, contact } = await prospect()
    await wonOffer(company.id, contact.id)
    const fields = companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'prospect', ownerId: t.ctx.userId }))
    await updateCompany(t.ctx, company.id, fields)
    expect(await statusOf(company.id)).toBe('prospect')
    // Later writes about the same company (a second won offer is new business only when there was none).
    await createContract(t.ctx, contractInput(company.id))
    await updateCompany(t.ctx, company.id, { ...fields, notes: 'Rahmenvertrag besprochen' })
    expect(await statusOf(company.id)).toBe('prospect')
    expect(await statusEvents(company.id)).toHaveLength(1)
  })

  it('a form opened before an automatic move and saved with the status untouched keeps the move', async () => {
    const { company, contact } = await prospect()
    // The form was opened while the company was a prospect; meanwhile the offer is won.
    const form = companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'prospect', ownerId: t.ctx.userId }))
    await wonOffer(company.id, contact.id)
    await updateCompany(t.ctx, company.id, { ...form, notes: 'Telefon geändert', statusLoaded: 'prospect' })
    expect(await statusOf(company.id)).toBe('customer')
    // Changed in the form on purpose, it is the user's choice.
    await updateCompany(t.ctx, company.id, { ...form, status: 'former', statusLoaded: 'customer' })
    expect(await statusOf(company.id)).toBe('former')
  })

  it('a laptop that never looked (upgraded) takes the present as seen: an old won offer raises nothing', async () => {
    const { company, contact } = await prospect()
    await wonOffer(company.id, contact.id)
    const fields = companyFieldsSchema.parse(validCompany({ customerNumber: '', status: 'former', ownerId: t.ctx.userId }))
    await updateCompany(t.ctx, company.id, { ...fields, statusLoaded: 'customer' })
    // As after the upgrade to this version: the fact was never stored.
    await t.ctx.db.updateTable('company_journey').set({ business: null }).where('company_id', '=', company.id).execute()
    await updateCompany(t.ctx, company.id, { ...fields, notes: 'Neue Notiz', statusLoaded: 'former' })
    expect(await statusOf(company.id)).toBe('former')
  })

  it('the last contract ending makes a customer a former customer, on the account owner\'s device, once', async () => {
    const { company } = await prospect('customer')
    const contract = await createContract(t.ctx, contractInput(company.id))
    expect(await statusEvents(company.id)).toHaveLength(0)
    t.setNow('2028-01-03T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect(await statusOf(company.id)).toBe('former')
    expect((await statusEvents(company.id)).map((e) => [e.messageKey, e.messageParams])).toEqual([['company.becameFormerCustomer', { number: contract.number }]])
    expect(await statusOps(company.id)).toEqual(['former'])
    t.setNow('2028-01-04T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect(await statusEvents(company.id)).toHaveLength(1)
  })

  it('a won offer of its own keeps a customer whose contract ended', async () => {
    const { company, contact } = await prospect('customer')
    await createContract(t.ctx, contractInput(company.id))
    await wonOffer(company.id, contact.id)
    t.setNow('2028-01-03T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect(await statusOf(company.id)).toBe('customer')
  })

  it("a colleague's customer is moved by the colleague's device; this one only applies what arrives", async () => {
    await t.ctx.db.insertInto('users').values({ id: COLLEAGUE, display_name: 'Carla Kollegin', server_version: null, deleted_at: null }).execute()
    const { company } = await prospect('customer', COLLEAGUE)
    await createContract(t.ctx, contractInput(company.id))
    t.setNow('2028-01-03T09:00:00.000Z')
    await rollContracts(t.ctx)
    expect(await statusOf(company.id)).toBe('customer')
    expect(await statusEvents(company.id)).toHaveLength(0)
  })

  it('applying a pull never moves the status', async () => {
    const { company } = await prospect()
    await t.ctx.db.transaction().execute(async (trx) => {
      // As if a colleague's won offer had arrived (without their status edit): the refresh after applying it.
      await trx.insertInto('contracts').values({
        id: '01900000-0000-7000-8000-000000000001', company_id: company.id, number: 'V-2026-PULL1-0001', type: 'service', title: 'Gezogen', owner_id: t.ctx.userId,
        status: 'active', start_date: '2026-11-01', minimum_term_months: 12, term_start: '2026-11-01', end_date: '2027-10-31', cancel_by: '2027-07-31',
        notice_value: 3, notice_unit: 'months', renewal_months: 0, renewal_lead_days: 90, annual_value_cents: 100, terms_log: '[]',
        created_at: '2026-11-19T09:00:00.000Z', updated_at: '2026-11-19T09:00:00.000Z',
      }).execute()
      await refreshJourneys(trx, [company.id], '2026-11-19T09:00:00.000Z')
    })
    expect(await statusOf(company.id)).toBe('prospect')
    expect((await getCompany(t.ctx, company.id)).journey.station).toBe('contract')
  })
})

describe('a new company without an owner (issue 13, item 11)', () => {
  it('belongs to the current user, also a colleague chosen on this device', async () => {
    await t.ctx.db.insertInto('users').values({ id: COLLEAGUE, display_name: 'Carla Kollegin', server_version: null, deleted_at: null }).execute()
    const mine = await dispatch(t.app, 'companies.create', validCompany({ customerNumber: '', ownerId: '' }))
    expect(mine).toMatchObject({ ok: true, data: { ownerId: t.ctx.userId } })
    const asColleague = { ...t.app, ctx: { ...t.ctx, userId: COLLEAGUE, userName: 'Carla Kollegin' } }
    const hers = await dispatch(asColleague, 'companies.create', validCompany({ customerNumber: '', name: 'Zweite GmbH', ownerId: '' }))
    expect(hers).toMatchObject({ ok: true, data: { ownerId: COLLEAGUE, ownerName: 'Carla Kollegin' } })
  })
})
