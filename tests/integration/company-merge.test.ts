// Duplicates and the merge of two companies through their channels: "Müller GmbH" and "Mueller GmbH, Köln"
// are listed with their reasons; the merge takes the chosen fields, moves contacts, touchpoints, offers with
// their items, and keeps the merged company's number as a former number; the outbox holds the merge as
// ordinary operations in replayable order; merging a company with itself or with one deleted meanwhile is
// refused with nothing written; "Kein Duplikat" hides a pair; the form's check finds the company typed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import type { ContactDuplicateCandidate, DuplicateCandidate, DuplicateCompany, DuplicateList } from '../../shared/modules/customers'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeAll(async () => { t = await openTestDb() })
afterAll(async () => t.cleanup())

const must = mustOf(() => t.app)
const companiesPairs = async () => (await must<DuplicateList<DuplicateCompany>>('duplicates.list', { kind: 'companies' })).pairs
const live = async (table: 'contacts' | 'touchpoints' | 'offers' | 'offer_items', companyId: string) =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('company_id', '=', companyId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n)

async function twoMuellers() {
  const mueller = await must<{ id: string }>('companies.create', validCompany({ name: 'Müller GmbH', customerNumber: 'K-1001', street: '', postalCode: '50667', city: 'Köln' }))
  const typedAgain = await must<{ id: string }>('companies.create', validCompany({ name: 'Mueller GmbH, Köln', customerNumber: 'K-1002', street: 'Domstraße 1', postalCode: '50667', city: 'Köln', industry: 'Maschinenbau' }))
  const contact = await must<{ id: string }>('contacts.create', { companyId: typedAgain.id, salutation: 'ms', firstName: 'Anna', lastName: 'Weiß', language: 'de', email: 'anna@mueller.de' })
  await must('touchpoints.create', { companyId: typedAgain.id, contactId: contact.id, occurredAt: '2026-11-19T09:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Bedarf besprochen' })
  const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }
  const offer = await must<{ id: string }>('offers.create', {
    companyId: typedAgain.id, contactId: contact.id, conversationId: '', offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, deliveryTerms: 'frei Haus', introduction: '', benefits: '', items: [item],
  })
  return { mueller, typedAgain, contact, offer }
}

describe('duplicates and merge', () => {
  it('lists the company typed twice with its reasons and merges it: fields as chosen, everything moved, the number kept', async () => {
    const { mueller, typedAgain, contact, offer } = await twoMuellers()
    const pair = (await companiesPairs()).find((p) => [p.a.id, p.b.id].sort().join() === [mueller.id, typedAgain.id].sort().join())
    expect(pair?.reasons).toEqual(expect.arrayContaining(['sameName', 'samePostalCode', 'sameCity']))
    expect(pair?.score).toBeGreaterThanOrEqual(50)

    // A mail read from the rep's mailbox about the company typed again (this device's own, never synced).
    await t.ctx.db.insertInto('mail_messages').values({
      id: '01a202e6-59f1-700b-b645-d59090355c09', mailbox: 'INBOX', uid_validity: 1, uid: 1, message_id: 'm1@x', sent_at: '2026-11-20T10:00:00.000Z', direction: 'inbound',
      company_id: typedAgain.id, state: 'filed', read_at: '2026-11-20T10:05:00.000Z',
    }).execute()
    const outboxBefore = Number((await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.max('client_seq').as('n')).executeTakeFirstOrThrow()).n)
    const result = await must<{ survivorId: string; moved: Record<string, number> }>('companies.merge', { survivorId: mueller.id, loserId: typedAgain.id, take: { street: 'loser', industry: 'loser' } })
    expect(result.moved).toMatchObject({ contacts: 1, touchpoints: 1, offers: 1, offer_items: 1 })
    expect((await t.ctx.db.selectFrom('mail_messages').select('company_id').executeTakeFirstOrThrow()).company_id).toBe(mueller.id)
    const survivor = await must<Record<string, string>>('companies.get', { id: mueller.id })
    expect(survivor).toMatchObject({ name: 'Müller GmbH', customerNumber: 'K-1001', street: 'Domstraße 1', industry: 'Maschinenbau' })
    const row = await t.ctx.db.selectFrom('companies').select(['former_numbers', 'merged_into', 'deleted_at']).where('id', 'in', [mueller.id, typedAgain.id]).orderBy('deleted_at').execute()
    expect(row.find((r) => r.deleted_at === null)?.former_numbers).toBe('K-1002')
    expect(row.find((r) => r.deleted_at !== null)?.merged_into).toBe(mueller.id)
    for (const table of ['contacts', 'touchpoints', 'offers', 'offer_items'] as const) {
      expect(await live(table, mueller.id)).toBe(1)
      expect(await live(table, typedAgain.id)).toBe(0)
    }
    expect(await must('offers.get', { id: offer.id })).toMatchObject({ companyId: mueller.id, contactId: contact.id })
    expect((await companiesPairs()).some((p) => [p.a.id, p.b.id].includes(typedAgain.id))).toBe(false)


    // The merge syncs as ordinary operations: the loser gives up its number first, then children move, then the survivor, then the delete.
    const ops = await t.ctx.db.selectFrom('sync_outbox').select(['table_name', 'row_id', 'kind', 'fields']).where('client_seq', '>', outboxBefore).orderBy('client_seq').execute()
    expect(ops[0]).toMatchObject({ table_name: 'companies', row_id: typedAgain.id, kind: 'update' })
    expect(JSON.parse(ops[0]!.fields)).toMatchObject({ customer_number: { old: 'K-1002', new: '' }, merged_into: { new: mueller.id } })
    expect(ops.at(-1)).toMatchObject({ table_name: 'companies', row_id: typedAgain.id, kind: 'delete' })
    expect(ops.filter((o) => o.table_name === 'contacts').map((o) => JSON.parse(o.fields))).toEqual([{ company_id: { old: typedAgain.id, new: mueller.id } }])

    // An old export's number still finds the company: a contact file naming K-1002 lands on the survivor.
    const csv = Buffer.from('Kundennummer;Nachname\nK-1002;Brandt\n')
    const importId = '01a202e6-59f1-700b-b645-d59090355c01'
    await must('imports.upload', { importId, target: 'contacts', size: csv.length, offset: 0, base64: csv.toString('base64') })
    expect((await must<{ plan: { created: number } }>('imports.analyse', { importId })).plan.created).toBe(1)
    expect(await must('imports.run', { importId, mapping: { companyCustomerNumber: 0, lastName: 1 }, matchBy: 'email' })).toMatchObject({ state: 'done', created: 1 })
    expect(await live('contacts', mueller.id)).toBe(2)
  })

  it('refuses a merge with itself and with a company deleted meanwhile, writing nothing', async () => {
    const a = await must<{ id: string }>('companies.create', validCompany({ name: 'Schmidt AG', customerNumber: 'S-1' }))
    const b = await must<{ id: string }>('companies.create', validCompany({ name: 'Schmidt Aktiengesellschaft', customerNumber: 'S-2' }))
    await must('companies.delete', { id: b.id })
    const outbox = async () => Number((await t.ctx.db.selectFrom('sync_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    const before = await outbox()
    const self = await dispatch(t.app, 'companies.merge', { survivorId: a.id, loserId: a.id, take: {} })
    expect(self.ok ? '' : self.error.message).toBe('errors.mergeSame')
    const gone = await dispatch(t.app, 'companies.merge', { survivorId: a.id, loserId: b.id, take: {} })
    expect(gone.ok ? '' : gone.error.message).toBe('errors.mergeGone')
    expect(await outbox()).toBe(before)
  })

  it('hides a pair marked as not a duplicate, and the form check finds the company typed again', async () => {
    const a = await must<{ id: string }>('companies.create', validCompany({ name: 'Hansa Logistik GmbH & Co. KG', customerNumber: 'H-1', postalCode: '20095', city: 'Hamburg' }))
    const b = await must<{ id: string }>('companies.create', validCompany({ name: 'Hansa Logistik AG', customerNumber: 'H-2', postalCode: '38100', city: 'Braunschweig' }))
    const found = await must<DuplicateCandidate[]>('duplicates.check', { name: 'Hansa-Logistik GmbH', customerNumber: '', postalCode: '20095', city: 'Hamburg', exceptId: '' })
    expect(found[0]?.company.id).toBe(a.id)
    expect(found[0]?.reasons).toEqual(expect.arrayContaining(['sameName', 'samePostalCode']))
    const has = async () => (await companiesPairs()).some((p) => [p.a.id, p.b.id].sort().join() === [a.id, b.id].sort().join())
    expect(await has()).toBe(true)
    await must('duplicates.dismiss', { kind: 'companies', aId: b.id, bId: a.id })
    expect(await has()).toBe(false)
  })

  it('the contact form check finds a person typed again by e-mail or by a similar-sounding name at the same company', async () => {
    const company = await must<{ id: string }>('companies.create', validCompany({ name: 'Kontaktprüfung GmbH', customerNumber: 'KP-1' }))
    const existing = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Meier', language: 'de', email: 'j.meier@kp.de' })
    const byEmail = await must<ContactDuplicateCandidate[]>('duplicates.checkContact', { companyId: '', firstName: '', lastName: 'Irgendwer', email: 'J.Meier@kp.de', phone: '', mobile: '', exceptId: '' })
    expect(byEmail.map((c) => [c.contact.id, c.reasons.includes('sameEmail')])).toEqual([[existing.id, true]])
    const byName = await must<ContactDuplicateCandidate[]>('duplicates.checkContact', { companyId: company.id, firstName: 'Jörg', lastName: 'Mayer', email: '', phone: '', mobile: '', exceptId: '' })
    expect(byName[0]?.contact.id).toBe(existing.id)
    expect(byName[0]?.reasons).toEqual(expect.arrayContaining(['soundsAlike', 'sameCompany']))
    expect(await must('duplicates.checkContact', { companyId: company.id, firstName: 'Jörg', lastName: 'Meier', email: '', phone: '', mobile: '', exceptId: existing.id })).toEqual([])
  })
})
