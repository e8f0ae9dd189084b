// DSGVO Art. 17 across laptops (issue 14, acceptance): laptop A erases a person while laptop B, offline,
// still edits them and logs a touchpoint about them. After both synced, the person's name and the
// distinctive trigrams of it are in no table, full-text index, outbox entry or document on A, on B or on a
// manager's laptop, not in the bytes of their database files and WALs, and in no table of the server's
// store (SQLite file bytes too); the statistics are unchanged, B's edit was refused as `erased` without a
// conflict record, and the erasure is logged with ids only. SQLite and PostgreSQL stores.
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { createCompany } from '../../electron/main/modules/customers/company.service'
import { createContact, getContact, updateContact } from '../../electron/main/modules/customers/contact.service'
import { createTouchpoint } from '../../electron/main/modules/customers/touchpoint.service'
import { giveConsent } from '../../electron/main/modules/customers/consent.service'
import { eraseContact, erasurePreview, listErasures } from '../../electron/main/modules/dsgvo'
import { createConversation } from '../../electron/main/modules/offers/conversation.service'
import { offerDocument } from '../../electron/main/modules/offers/offer-document.service'
import { createOffer, sendOffer, winOffer } from '../../electron/main/modules/offers/offer.service'
import { createCase } from '../../electron/main/modules/service/case.service'
import { createFeedback } from '../../electron/main/modules/service/feedback.service'
import { readState, writeState } from '../../electron/main/modules/sync/state'
import { companyFieldsSchema } from '../../shared/modules/customers/company.schema'
import { contactFieldsSchema } from '../../shared/modules/customers/contact.schema'
import { touchpointFieldsSchema } from '../../shared/modules/customers/touchpoint.schema'
import { conversationFieldsSchema, offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import { caseFieldsSchema, feedbackFieldsSchema } from '../../shared/modules/service/service.schema'
import { scanDocuments, scanFileBytes, scanIndexTerms, scanLaptopTables, scanServerTables } from '../helpers/erasure-scan'
import { completeLetterProfile } from '../helpers/letter-profile'
import { harnessPerTest, postgresAvailable, STORE_KINDS, type TestClient } from '../helpers/sync-harness'
import { validCompany } from '../helpers/temp-db'

const pgOk = await postgresAvailable()
if (!pgOk && process.env.CI) throw new Error('PostgreSQL is required in CI (127.0.0.1:5432) for the sync server suite')

/** A made-up person whose name and trigrams occur nowhere else in the data. */
const FIRST = 'Wendelgard'
const LAST = 'Qxzyborski'
const EMAIL = 'w.qxzyborski@kunde.example'
const NEEDLES = [LAST, FIRST, EMAIL, 'Qxzybo', '0511 9876543', '0170 5551234']
const TRIGRAMS = ['qxz', 'xzy', 'zyb', 'ybo', 'dlg', 'ndelg']
const INDEX_TRIGRAMS = ['qxz', 'xzy', 'zyb', 'ybo', 'bor', 'wen', 'elg', 'lga']
/** In raw file bytes (pages, B-tree cells, hashes, free space) a three-letter sequence turns up by chance
 * (CI once found "ybo" in the server file with none of the name's other fragments); four letters and more
 * of the name still prove a leftover fragment, the trigrams themselves are checked in tables and the index. */
const FILE_FRAGMENTS = ['qxzy', 'xzyb', 'zybo', 'ybor', 'ndelg', 'delga']

const documentsDir = (c: TestClient) => path.join(path.dirname(c.file), 'Dokumente')

const offer = (companyId: string, contactId: string) => offerFieldsSchema.parse({
  companyId, contactId, offerDate: '2026-11-19', validUntil: '2026-12-19', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
  introduction: 'wie besprochen', items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 149_999, discountPercent: 0, vatRate: 19, optional: false }],
})

async function statistics(c: TestClient, companyId: string) {
  const count = async (table: 'offers' | 'touchpoints' | 'cases' | 'feedback') =>
    Number((await c.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('company_id', '=', companyId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n)
  const stats = await c.ctx.db.selectFrom('offer_stats').selectAll().where('n', '<>', 0).orderBy('month').orderBy('status').orderBy('owner_id').execute()
  const feedbackStats = await c.ctx.db.selectFrom('feedback_stats').selectAll().where('answers', '<>', 0).orderBy('month').orderBy('kind').orderBy('segment').execute()
  const followUpStats = await c.ctx.db.selectFrom('follow_up_stats').selectAll().where('due', '<>', 0).orderBy('month').orderBy('owner_id').orderBy('segment').execute()
  return { offers: await count('offers'), touchpoints: await count('touchpoints'), cases: await count('cases'), feedback: await count('feedback'), stats, feedbackStats, followUpStats }
}

async function everywhereOnLaptop(c: TestClient): Promise<string[]> {
  return [
    ...(await scanLaptopTables(c.ctx.db, [...NEEDLES, ...TRIGRAMS])),
    ...(await scanIndexTerms(c.ctx.db, INDEX_TRIGRAMS)),
    ...scanFileBytes(c.file, [...NEEDLES, ...FILE_FRAGMENTS]),
    ...(await scanDocuments(documentsDir(c), NEEDLES)).map((f) => `${c.name} document ${f}`),
  ].map((f) => `${c.name}: ${f}`)
}

describe.each(STORE_KINDS)('DSGVO erasure across laptops on %s', (kind) => {
  const skip = kind === 'postgres' && !pgOk
  const server = harnessPerTest(kind, skip)

  it.skipIf(skip)('forgets the person on A, on B (offline meanwhile), on a manager’s laptop and on the server; statistics stay', async () => {
    const anna = await server.client('anna')
    const ben = await server.client('ben')
    const max = await server.client('max')
    await completeLetterProfile(anna.ctx)
    await completeLetterProfile(ben.ctx)
    // The device's sync user, as connecting through the app stores it (the role decides who reads the log).
    await writeState(ben.ctx.db, 'user', { id: ben.ctx.userId, login: 'ben', displayName: 'Ben Schulz', email: '', role: 'inside_sales', teamId: server.h.teams.nord })
    await writeState(max.ctx.db, 'user', { id: max.ctx.userId, login: 'max', displayName: 'Max Leitner', email: '', role: 'manager', teamId: '' })

    const company = await createCompany(anna.ctx, companyFieldsSchema.parse(validCompany({ name: 'Brunsviga Maschinenbau GmbH', customerNumber: 'K-4711' })))
    const person = await createContact(anna.ctx, contactFieldsSchema.parse({
      companyId: company.id, salutation: 'ms', title: 'Dr.', firstName: FIRST, lastName: LAST, jobFunction: 'Einkauf', email: EMAIL, phone: '0511 9876543', language: 'de', notes: 'Frau Qxzyborski bevorzugt Anrufe',
    }))
    const colleague = await createContact(anna.ctx, contactFieldsSchema.parse({ companyId: company.id, salutation: 'mr', firstName: 'Otto', lastName: 'Normal', language: 'de' }))
    await createConversation(anna.ctx, conversationFieldsSchema.parse({
      companyId: company.id, heldAt: '2026-11-12', needs: 'Prüfzeiten halbieren',
      participants: [{ contactId: person.id, buyingRole: 'decision_maker', influence: 'high', attitude: 'supporter', caresAbout: 'Qxzyborski: Termintreue' }, { contactId: colleague.id, buyingRole: 'user', influence: 'low', attitude: 'neutral', caresAbout: '' }],
    }))
    const sent = await sendOffer(anna.ctx, (await createOffer(anna.ctx, offer(company.id, person.id))).id)
    const won = await sendOffer(anna.ctx, (await createOffer(anna.ctx, offer(company.id, person.id))).id)
    await winOffer(anna.ctx, { id: won.id, orderDate: '2026-11-20', orderValueCents: 149_999 })
    await createTouchpoint(anna.ctx, touchpointFieldsSchema.parse({ companyId: company.id, contactId: person.id, occurredAt: '2026-11-18T10:00:00.000Z', channel: 'phone', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Telefonat mit Frau Qxzyborski über den Prüfstand' }))
    await createCase(anna.ctx, caseFieldsSchema.parse({ type: 'service_request', companyId: company.id, contactId: person.id, channel: 'phone', receivedAt: '2026-11-18T11:00:00.000Z', subject: 'Rückfrage', description: 'Frau Qxzyborski fragt nach Lieferzeit', priority: 'normal' }))
    await createFeedback(anna.ctx, feedbackFieldsSchema.parse({ companyId: company.id, contactId: person.id, kind: 'nps', givenOn: '2026-11-18', score: 9, comment: 'Qxzyborski: sehr zufrieden' }))
    // Her consent exists only because of her: purged with her, everywhere.
    await giveConsent(anna.ctx, { contactId: person.id, channel: 'email', purpose: 'newsletter', givenOn: '2026-03-02', source: 'Messe-Gespräch mit Qxzyborski', note: '' })
    await anna.sync()
    await ben.sync()
    await max.sync()
    await offerDocument(anna.ctx, { id: sent.id }, documentsDir(anna))
    await offerDocument(ben.ctx, { id: sent.id }, documentsDir(ben))

    // A conflict about the person: both change the notes, each mentioning her.
    await updateContact(anna.ctx, person.id, contactFieldsSchema.parse({ ...(await getContact(anna.ctx, person.id)), notes: 'Qxzyborski ruft Montag zurück' }))
    await updateContact(ben.ctx, person.id, contactFieldsSchema.parse({ ...(await getContact(ben.ctx, person.id)), notes: 'Qxzyborski ist im Urlaub' }))
    await anna.sync()
    await ben.sync()
    await anna.sync()
    expect(await anna.ctx.db.selectFrom('sync_conflicts').select('row_id').execute()).toEqual([{ row_id: person.id }])

    // Ben, offline: a new phone number, and a visit report about her.
    await updateContact(ben.ctx, person.id, contactFieldsSchema.parse({ ...(await getContact(ben.ctx, person.id)), mobile: '0170 5551234', goals: 'Qxzyborski will expandieren' }))
    await giveConsent(ben.ctx, { contactId: person.id, channel: 'phone', purpose: 'advertising', givenOn: '2026-11-20', source: 'Besuch bei Qxzyborski', note: '' })
    await createTouchpoint(ben.ctx, touchpointFieldsSchema.parse({ companyId: company.id, contactId: person.id, occurredAt: '2026-11-20T10:00:00.000Z', channel: 'visit', direction: 'outbound', mode: 'direct', station: 'offer', summary: 'Besuch bei Frau Qxzyborski' }))
    // Anna, still unsynced before she erases: an edit of the person and a touchpoint about her.
    await updateContact(anna.ctx, person.id, contactFieldsSchema.parse({ ...(await getContact(anna.ctx, person.id)), jobFunction: 'Einkauf Qxzyborski' }))
    await createTouchpoint(anna.ctx, touchpointFieldsSchema.parse({ companyId: company.id, contactId: person.id, occurredAt: '2026-11-20T12:00:00.000Z', channel: 'email', direction: 'inbound', mode: 'direct', station: 'offer', summary: 'Mail von Qxzyborski' }))
    const before = await statistics(anna, company.id)
    // The local roll-ups (offer_stats, feedback_stats, follow_up_stats) hold the company's figures, which the erasure keeps.
    expect([before.stats.length, before.feedbackStats.length, before.followUpStats.length]).toEqual([1, 1, 1])
    // The scans see the person while she is there (in the index, the file, a document and the server's store).
    expect(await scanIndexTerms(anna.ctx.db, INDEX_TRIGRAMS)).toContain('contacts_fts: qxz')
    expect(scanFileBytes(anna.file, [LAST])).not.toEqual([])
    expect(await scanDocuments(documentsDir(anna), [LAST])).toEqual([expect.stringMatching(/^Angebot-.*\.docx: Qxzyborski$/)])
    expect(await scanServerTables(server.h.store, NEEDLES)).toEqual(expect.arrayContaining(['server sync_rows: Qxzyborski']))

    // The open offer asks first; nothing is erased without an answer.
    const preview = await erasurePreview(anna.ctx, person.id)
    expect(preview.openOffers.map((o) => o.id)).toEqual([sent.id])
    await expect(eraseContact(anna.ctx, { id: person.id })).rejects.toMatchObject({ fields: { offerDecision: 'dsgvo.errors.offerDecisionRequired' } })
    expect(await anna.ctx.db.selectFrom('contacts').select('id').where('id', '=', person.id).execute()).toHaveLength(1)
    const result = await eraseContact(anna.ctx, { id: person.id, offerDecision: 'keepWithoutContact' })
    expect(result.removedDocuments).toBe(1)
    expect(await statistics(anna, company.id)).toEqual(before)

    const annaRun = await anna.sync()
    expect(annaRun.rejected).toBe(0)
    const benRun = await ben.sync()
    // Ben's edit of the person is refused as erased, and nothing of it is kept in a conflict record.
    // … and so is the consent he recorded for her offline (it would exist only because of her).
    expect(benRun.rejected).toBe(2)
    expect((await readState(ben.ctx.db, 'rejected'))?.map((r) => [r.table, r.table === 'contacts' ? r.rowId : '…', r.reason])).toEqual([['contacts', person.id, 'erased'], ['consents', '…', 'erased']])
    await anna.sync()
    await max.sync()
    await ben.sync()

    for (const laptop of [anna, ben, max]) {
      expect(await everywhereOnLaptop(laptop)).toEqual([])
      expect(await laptop.ctx.db.selectFrom('contacts').select('id').where('id', '=', person.id).execute()).toEqual([])
      expect(await laptop.ctx.db.selectFrom('touchpoints').select(['contact_id', 'summary']).where('company_id', '=', company.id).where('message_key', 'is', null).orderBy('occurred_at').execute())
        .toEqual([{ contact_id: null, summary: '—' }, { contact_id: null, summary: '—' }, { contact_id: null, summary: '—' }])
      expect(await laptop.ctx.db.selectFrom('touchpoints').select('id').where('contact_id', 'is not', null).execute()).toEqual([])
      expect(await laptop.ctx.db.selectFrom('offers').select(['status', 'contact_id']).where('company_id', '=', company.id).orderBy('status').execute())
        .toEqual([{ status: 'sent', contact_id: null }, { status: 'won', contact_id: null }])
      expect(await laptop.ctx.db.selectFrom('sync_conflicts').select('id').execute()).toEqual([])
      expect(await laptop.ctx.db.selectFrom('erasures').select(['row_id', 'company_id', 'erased_by', 'offer_decision']).execute())
        .toEqual([{ row_id: person.id, company_id: company.id, erased_by: anna.ctx.userId, offer_decision: 'keepWithoutContact' }])
      expect(await laptop.ctx.db.selectFrom('sync_outbox').select('client_seq').execute()).toEqual([])
    }
    // The statistics are those of before, plus Ben's visit kept anonymised.
    const after = await statistics(anna, company.id)
    expect(after).toEqual({ ...before, touchpoints: before.touchpoints + 1 })
    expect(await statistics(ben, company.id)).toEqual(after)
    expect((await listErasures(max.ctx)).entries).toEqual([expect.objectContaining({ rowId: person.id, erasedByName: 'Anna Becker', companyName: 'Brunsviga Maschinenbau GmbH', pending: false })])
    await expect(listErasures(ben.ctx)).rejects.toMatchObject({ code: 'forbidden' })

    expect(await scanServerTables(server.h.store, NEEDLES)).toEqual([])
    if (kind === 'sqlite') expect(scanFileBytes(server.h.url, [...NEEDLES, ...FILE_FRAGMENTS])).toEqual([])
    const tombstone = await server.h.store.db.selectFrom('sync_rows').select(['deleted', 'data', 'field_versions']).where('table_name', '=', 'contacts').where('id', '=', person.id).executeTakeFirstOrThrow()
    expect(tombstone).toEqual({ deleted: 1, data: '{"erased":1}', field_versions: '{}' })
    // The scope checksums agree: nobody downloads a scope again.
    expect((await anna.sync()).redownloaded).toEqual([])
    expect((await ben.sync()).redownloaded).toEqual([])
    expect(Number((await sql<{ n: number }>`select count(*) as n from erasures`.execute(ben.ctx.db)).rows[0]!.n)).toBe(1)
  })
})
