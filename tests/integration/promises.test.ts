// Promises to a customer through their channels: made with a due date (the current user's by default), each
// reference checked at its field with nothing written, changed (a new due date or title stamps changed_at,
// the customer should hear of it), kept (a touchpoint on the timeline) or withdrawn; on the work list as
// the source `promise` (done with an outcome, snoozed to a later day); gone with their company, moved by a
// merge, and kept without the person when their contact is erased.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { touchpointLine } from '../../shared/i18n/event-text'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { eraseContact } from '../../electron/main/modules/dsgvo'
import { WORK_LIST_SOURCES } from '../../electron/main/modules/worklist/worklist.sources'
import type { CustomerPromise, PromiseItem } from '../../shared/modules/offers'
import type { WorkList } from '../../shared/modules/worklist'
import { mustOf, openTestDb, type TestDb, validCompany } from '../helpers/temp-db'

let t: TestDb
beforeEach(async () => {
  t = await openTestDb()
  t.setNow('2026-11-20T09:00:00.000Z')
})
afterEach(async () => t.cleanup())

const must = mustOf(() => t.app)
const refused = async (channel: Parameters<typeof dispatch>[1], input: unknown) => {
  const answer = await dispatch(t.app, channel, input)
  if (answer.ok) throw new Error(`${channel} was accepted`)
  return answer.error
}
const rows = async (table: 'promises' | 'touchpoints' | 'sync_outbox') =>
  Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const item = { productId: '', name: 'Prüfstand', description: '', unit: 'Stück', quantity: 1, unitPriceCents: 100_000, vatRate: 19, discountPercent: 0, optional: false }

async function customer(name = 'Brunsviga Maschinenbau GmbH', number = 'K-1') {
  const company = await must<{ id: string; name: string }>('companies.create', validCompany({ name, customerNumber: number }))
  const contact = await must<{ id: string }>('contacts.create', { companyId: company.id, salutation: 'ms', firstName: 'Anna', lastName: 'Berger', language: 'de', phone: '+49 531 1234' })
  const conversation = await must<{ id: string }>('conversations.create', {
    companyId: company.id, heldAt: '2026-11-19', needs: 'Prüfzeiten halbieren', participants: [{ contactId: contact.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: '' }],
  })
  const offer = await must<{ id: string }>('offers.create', {
    companyId: company.id, contactId: contact.id, conversationId: conversation.id, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0,
    paymentNetDays: 30, skontoPercent: 0, skontoDays: 0, items: [item],
  })
  return { company, contact, conversation, offer }
}

const promiseOf = (c: Awaited<ReturnType<typeof customer>>, fields: Record<string, unknown> = {}) =>
  must<CustomerPromise>('promises.create', { companyId: c.company.id, contactId: c.contact.id, conversationId: c.conversation.id, title: 'Referenzliste schicken', dueDate: '2026-12-04', ...fields })

describe('making and changing a promise', () => {
  it('is made for the current user, with the names a list shows, listed by company and by conversation', async () => {
    const c = await customer()
    const promise = await promiseOf(c, { offerId: c.offer.id })
    expect(promise).toMatchObject({
      companyId: c.company.id, companyName: 'Brunsviga Maschinenbau GmbH', contactId: c.contact.id, contactName: 'Anna Berger', conversationId: c.conversation.id,
      offerId: c.offer.id, title: 'Referenzliste schicken', dueDate: '2026-12-04', ownerId: t.ctx.userId, status: 'open', doneAt: null, changedAt: null,
    })
    await promiseOf(c, { title: 'Vorführtermin anbieten', dueDate: '2026-11-27', conversationId: '' })
    expect((await must<CustomerPromise[]>('promises.list', { companyId: c.company.id })).map((p) => p.title)).toEqual(['Vorführtermin anbieten', 'Referenzliste schicken'])
    expect((await must<CustomerPromise[]>('promises.list', { conversationId: c.conversation.id })).map((p) => p.title)).toEqual(['Referenzliste schicken'])
    const op = await t.ctx.db.selectFrom('sync_outbox').select(['kind', 'fields']).where('row_id', '=', promise.id).executeTakeFirstOrThrow()
    expect(op.kind).toBe('insert')
    expect(JSON.parse(op.fields)).toMatchObject({ owner_id: { new: t.ctx.userId }, created_by: { new: t.ctx.userId } })
  })

  it('refuses each bad reference and a past due date at its field, writing nothing', async () => {
    const c = await customer()
    const other = await customer('Hansa Prüftechnik GmbH', 'K-2')
    const gone = await must<{ id: string }>('companies.create', validCompany({ name: 'Weg GmbH', customerNumber: 'K-3' }))
    await must('companies.delete', { id: gone.id })
    const before = { promises: await rows('promises'), outbox: await rows('sync_outbox') }
    const base = { companyId: c.company.id, title: 'Referenzliste schicken', dueDate: '2026-12-04' }
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ contactId: other.contact.id }, 'contactId', 'errors.contactNotOfCompany'],
      [{ conversationId: other.conversation.id }, 'conversationId', 'errors.conversationNotOfCompany'],
      [{ offerId: other.offer.id }, 'offerId', 'errors.offerNotOfCompany'],
      [{ ownerId: other.company.id }, 'ownerId', 'errors.promiseOwnerUnknown'],
      [{ companyId: gone.id }, 'companyId', 'errors.companyNotFound'],
      [{ dueDate: '2026-11-19' }, 'dueDate', 'errors.promiseDuePast'],
      [{ dueDate: '04.12.2026' }, 'dueDate', 'errors.date'],
      [{ title: '   ' }, 'title', 'errors.required'],
    ]
    for (const [change, field, key] of cases) expect((await refused('promises.create', { ...base, ...change })).fields, field).toEqual({ [field]: key })
    expect({ promises: await rows('promises'), outbox: await rows('sync_outbox') }).toEqual(before)
    // Today is not in the past.
    expect(await promiseOf(c, { dueDate: '2026-11-20' })).toMatchObject({ dueDate: '2026-11-20' })
  })

  it('a new due date or title stamps changed_at; a new contact does not; company and conversation stay', async () => {
    const c = await customer()
    const second = await must<{ id: string }>('contacts.create', { companyId: c.company.id, salutation: 'mr', firstName: 'Jörg', lastName: 'Weiß', language: 'de' })
    const promise = await promiseOf(c)
    const fields = { id: promise.id, companyId: c.company.id, title: promise.title, dueDate: promise.dueDate }
    const contactOnly = await must<CustomerPromise>('promises.update', { ...fields, contactId: second.id })
    expect(contactOnly).toMatchObject({ contactId: second.id, contactName: 'Jörg Weiß', changedAt: null, conversationId: c.conversation.id })
    t.setNow('2026-11-21T10:00:00.000Z')
    const moved = await must<CustomerPromise>('promises.update', { ...fields, contactId: second.id, dueDate: '2026-12-11' })
    expect(moved).toMatchObject({ dueDate: '2026-12-11', changedAt: '2026-11-21T10:00:00.000Z' })
    const op = await t.ctx.db.selectFrom('sync_outbox').select('fields').where('row_id', '=', promise.id).orderBy('client_seq', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(op.fields)).toEqual({ due_date: { old: '2026-12-04', new: '2026-12-11' }, changed_at: { old: null, new: '2026-11-21T10:00:00.000Z' } })
    t.setNow('2026-11-22T10:00:00.000Z')
    expect(await must<CustomerPromise>('promises.update', { ...fields, dueDate: '2026-12-11', title: 'Zwei Referenzen schicken' })).toMatchObject({ changedAt: '2026-11-22T10:00:00.000Z' })

    const other = await customer('Hansa Prüftechnik GmbH', 'K-2')
    expect((await refused('promises.update', { ...fields, companyId: other.company.id })).fields).toEqual({ companyId: 'errors.promiseCompanyFixed' })
    const another = await must<{ id: string }>('conversations.create', { companyId: c.company.id, heldAt: '2026-11-20' })
    expect((await refused('promises.update', { ...fields, conversationId: another.id })).fields).toEqual({ conversationId: 'errors.promiseConversationFixed' })
    expect((await refused('promises.update', { ...fields, dueDate: '2026-11-21' })).fields).toEqual({ dueDate: 'errors.promiseDuePast' })
    expect(await refused('promises.update', { ...fields, id: c.offer.id })).toMatchObject({ code: 'not_found' })
  })
})

describe('keeping and withdrawing a promise', () => {
  it('kept: status and done_at, a touchpoint that belongs to the promise, then no more changes', async () => {
    const c = await customer()
    const promise = await promiseOf(c)
    t.setNow('2026-11-25T14:00:00.000Z')
    const kept = await must<CustomerPromise>('promises.complete', { id: promise.id })
    expect(kept).toMatchObject({ status: 'kept', doneAt: '2026-11-25T14:00:00.000Z' })
    const touchpoint = await t.ctx.db.selectFrom('touchpoints').selectAll().where('related_id', '=', promise.id).executeTakeFirstOrThrow()
    expect(touchpoint).toMatchObject({ company_id: c.company.id, contact_id: c.contact.id, related_type: 'promise', station: 'offer', direction: 'outbound', summary: '', message_key: 'promise.kept', message_params: JSON.stringify({ title: 'Referenzliste schicken' }) })
    expect(await must('timeline.forRecord', { relatedType: 'promise', relatedId: promise.id })).toHaveLength(1)
    const before = { touchpoints: await rows('touchpoints'), outbox: await rows('sync_outbox') }
    expect(await refused('promises.complete', { id: promise.id })).toMatchObject({ code: 'conflict', message: 'errors.promiseNotOpen' })
    expect(await refused('promises.cancel', { id: promise.id })).toMatchObject({ code: 'conflict' })
    expect(await refused('promises.update', { id: promise.id, companyId: c.company.id, title: 'x', dueDate: '2026-12-24' })).toMatchObject({ code: 'conflict' })
    expect({ touchpoints: await rows('touchpoints'), outbox: await rows('sync_outbox') }).toEqual(before)
  })

  it('withdrawn: off the list of open ones, a change the customer should hear of', async () => {
    const c = await customer()
    const promise = await promiseOf(c)
    t.setNow('2026-11-23T08:00:00.000Z')
    expect(await must<CustomerPromise>('promises.cancel', { id: promise.id })).toMatchObject({ status: 'cancelled', changedAt: '2026-11-23T08:00:00.000Z', doneAt: null })
    expect(await must<CustomerPromise[]>('promises.list', { companyId: c.company.id, status: 'open' })).toEqual([])
    expect(await must<CustomerPromise[]>('promises.list', { companyId: c.company.id, status: 'all' })).toHaveLength(1)
  })
})

describe('promises on the work list', () => {
  it('are a registered source: overdue, due today and upcoming, each with its view', async () => {
    expect(WORK_LIST_SOURCES.map((s) => s.source)).toContain('promise')
    const c = await customer()
    const promise = await promiseOf(c)
    await promiseOf(c, { title: 'Muster schicken', dueDate: '2027-03-01' })
    const { list, promises } = await entries('2026-12-04')
    expect(list.dueToday.filter((i) => i.source === 'promise').map((i) => i.id)).toEqual([promise.id])
    expect(promises).toHaveLength(1) // the one in March is beyond the horizon
    expect(promises[0]).toMatchObject({
      source: 'promise', kind: 'promise', title: 'Referenzliste schicken', companyName: 'Brunsviga Maschinenbau GmbH', contactName: 'Anna Berger', contactPhone: '+49 531 1234',
      ownerId: t.ctx.userId, conversationId: c.conversation.id, changedAt: null,
    })
    expect(promises[0]!.view).toEqual({
      label: { key: 'promise.workList', params: { title: 'Referenzliste schicken', company: 'Brunsviga Maschinenbau GmbH' } },
      subject: { text: 'Referenzliste schicken', href: `/conversations/${c.conversation.id}` },
      detail: { key: 'promise.workListDetail', params: { dueDate: '2026-12-04' } },
      calendarTitle: { key: 'promise.calendar', params: { title: 'Referenzliste schicken' } },
      calendarDetail: { key: 'promise.calendarDetail', params: { dueDate: '2026-12-04' } },
      valueCents: 0,
    })
    expect((await entries('2026-12-10')).list.overdue.map((i) => i.id)).toContain(promise.id)
    expect((await entries('2026-11-25')).list.upcoming.map((i) => i.id)).toContain(promise.id)
    expect((await entries('2026-12-04', c.company.id)).promises).toEqual([])
  })

  it('snoozed to a later day is a change (changed_at); done with an outcome is kept, with the outcome on the timeline', async () => {
    const c = await customer()
    const promise = await promiseOf(c)
    const ref = { source: 'promise', id: promise.id }
    expect((await refused('worklist.snooze', { ...ref, until: '2026-11-20' })).fields).toEqual({ until: 'errors.snoozeFuture' })
    t.setNow('2026-11-24T09:30:00.000Z')
    expect(await must('worklist.snooze', { ...ref, until: '2026-12-11' })).toEqual({ id: promise.id })
    const { promises } = await entries('2026-12-11')
    expect(promises[0]).toMatchObject({ dueDate: '2026-12-11', changedAt: '2026-11-24T09:30:00.000Z' })
    expect(promises[0]!.view.detail).toEqual({ key: 'promise.workListDetailChanged', params: { dueDate: '2026-12-11', changedOn: '2026-11-24' } })
    const done = await must<{ touchpointId: string }>('worklist.complete', { ...ref, channel: 'email', outcome: 'Liste per Mail geschickt' })
    const touchpoint = await t.ctx.db.selectFrom('touchpoints').selectAll().where('id', '=', done.touchpointId).executeTakeFirstOrThrow()
    expect(touchpoint).toMatchObject({ channel: 'email', related_type: 'promise', related_id: promise.id, summary: 'Liste per Mail geschickt', message_key: 'promise.kept' })
    expect(touchpointLine('de', { messageKey: touchpoint.message_key, messageParams: JSON.parse(touchpoint.message_params!) as Record<string, string>, summary: touchpoint.summary }))
      .toBe('Zusage eingehalten: Referenzliste schicken – Liste per Mail geschickt')
    expect((await must<CustomerPromise[]>('promises.list', { companyId: c.company.id }))[0]).toMatchObject({ status: 'kept' })
    expect((await entries('2026-12-11')).promises).toEqual([])
    expect(await refused('worklist.complete', { ...ref, channel: 'phone', outcome: 'noch einmal' })).toMatchObject({ code: 'conflict' })
    expect(await refused('worklist.complete', { source: 'offer', id: promise.id, channel: 'phone', outcome: 'x' })).toMatchObject({ code: 'not_found' })
  })
})

describe('promises follow their company', () => {
  it('a deleted company takes its promises along; asking for one is not found', async () => {
    const c = await customer()
    const promise = await promiseOf(c)
    await must('companies.delete', { id: c.company.id })
    expect((await t.ctx.db.selectFrom('promises').select('deleted_at').where('id', '=', promise.id).executeTakeFirstOrThrow()).deleted_at).not.toBeNull()
    for (const channel of ['promises.complete', 'promises.cancel'] as const) expect(await refused(channel, { id: promise.id })).toMatchObject({ code: 'not_found' })
    expect(await must('promises.list', { companyId: c.company.id })).toEqual([])
  })

  it('a merge moves them to the survivor, where the work list finds them', async () => {
    const c = await customer('Müller GmbH', 'K-1001')
    const survivor = await must<{ id: string }>('companies.create', validCompany({ name: 'Müller GmbH Köln', customerNumber: 'K-1002' }))
    const promise = await promiseOf(c)
    const result = await must<{ moved: Record<string, number> }>('companies.merge', { survivorId: survivor.id, loserId: c.company.id, take: {} })
    expect(result.moved).toMatchObject({ promises: 1 })
    expect(await must<CustomerPromise[]>('promises.list', { companyId: survivor.id })).toMatchObject([{ id: promise.id, companyName: 'Müller GmbH Köln', conversationId: c.conversation.id }])
    const op = await t.ctx.db.selectFrom('sync_outbox').select('fields').where('row_id', '=', promise.id).orderBy('client_seq', 'desc').executeTakeFirstOrThrow()
    expect(JSON.parse(op.fields)).toEqual({ company_id: { old: c.company.id, new: survivor.id } })
    expect((await entries('2026-12-04')).promises.map((p) => p.companyId)).toEqual([survivor.id])
  })

  it('erasing the person keeps the promise without them, on the laptop and in the unpushed outbox', async () => {
    const c = await customer()
    const promise = await promiseOf(c)
    await eraseContact(t.ctx, { id: c.contact.id, offerDecision: 'keepWithoutContact' })
    expect(await t.ctx.db.selectFrom('promises').select(['contact_id', 'title', 'status', 'deleted_at']).where('id', '=', promise.id).executeTakeFirstOrThrow())
      .toEqual({ contact_id: null, title: 'Referenzliste schicken', status: 'open', deleted_at: null })
    const insert = await t.ctx.db.selectFrom('sync_outbox').select('fields').where('row_id', '=', promise.id).where('kind', '=', 'insert').executeTakeFirstOrThrow()
    expect(JSON.parse(insert.fields).contact_id).toEqual({ old: null, new: null })
    expect(await must<CustomerPromise[]>('promises.list', { companyId: c.company.id })).toMatchObject([{ contactId: '', contactName: '' }])
  })
})

async function entries(today: string, ownerId = '') {
  const list = await must<WorkList>('worklist.list', { ownerId, today })
  return { list, promises: [...list.overdue, ...list.dueToday, ...list.upcoming].filter((i): i is PromiseItem => i.source === 'promise') }
}
