// Mails in (issue 15), with a real Dovecot: replies land on their offer (timeline.forRecord), two laptops filing
// the same mail make one touchpoint id, a mail already on the timeline (or deleted from it) is not filed again,
// and the rep's choices per mail: private, not filed, filed again.
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/main/ipc/dispatch'
import { createOffer, sendOffer } from '../../electron/main/modules/offers/offer.service'
import { readMailboxes } from '../../electron/main/modules/mail/imap-reader'
import { mailTouchpointId } from '../../electron/main/modules/mail/mail-ids'
import { insertSynced } from '../../db/platform/synced-writes'
import { offerFieldsSchema } from '../../shared/modules/offers/offer.schema'
import type { Touchpoint } from '../../shared/modules/customers'
import type { MailMessageItem } from '../../shared/modules/mail'
import type { Page } from '../../shared/platform/common.schema'
import type { Dovecot } from '../helpers/dovecot'
import { ANNA, REP, at, customerWithContacts, inboxOf as inbox, mailTestbed, rawMail } from '../helpers/mail-fixtures'
import { mustOf, openTestDb, type TestDb } from '../helpers/temp-db'

let t: TestDb
let imap: Dovecot
const must = mustOf(() => t.app)
mailTestbed((db, server) => {
  t = db
  imap = server
})

const brunsviga = (db: TestDb = t) => customerWithContacts(db.ctx, 'Brunsviga Maschinenbau GmbH', 'K-10001', [{ firstName: 'Anna', lastName: 'Berger', email: ANNA }])
const mailTouchpoints = (db: TestDb = t) => db.ctx.db.selectFrom('touchpoints').selectAll().where('mail_message_id', 'is not', null).orderBy('occurred_at').execute()

/** A sent offer and the touchpoint of its mail, written the way the app's own sending writes it. */
async function offerMailed(companyId: string, contactId: string, messageId: string) {
  t.setNow('2026-11-18T09:00:00.000Z')
  const offer = await createOffer(t.ctx, offerFieldsSchema.parse({
    companyId, contactId, offerDate: '2026-11-18', validUntil: '2026-12-18', offerDiscountPercent: 0, paymentNetDays: 30, skontoPercent: 0, skontoDays: 0,
    items: [{ name: 'Prüfstand PS-200', quantity: 1, unit: 'Stück', unitPriceCents: 4_200_000, discountPercent: 0, vatRate: 19, optional: false }],
  }))
  await sendOffer(t.ctx, offer.id)
  await t.ctx.db.transaction().execute((trx) => insertSynced(trx, 'touchpoints', {
    id: mailTouchpointId(messageId), company_id: companyId, contact_id: contactId, occurred_at: '2026-11-18T09:00:00.000Z', channel: 'email', direction: 'outbound',
    mode: 'direct', station: 'offer', summary: 'Ihr Angebot', related_type: 'offer', related_id: offer.id, mail_message_id: messageId,
    mail_meta: JSON.stringify({ from: { name: '', address: REP }, to: [{ name: 'Anna Berger', address: ANNA }], cc: [], snippet: 'anbei unser Angebot', attachments: [{ name: 'Angebot.pdf', size: 48_000 }] }),
  }, '2026-11-18T09:00:00.000Z'))
  t.setNow('2026-11-20T09:00:00.000Z')
  return offer
}

describe('replies land on their offer', () => {
  it('a reply naming the offer mail in In-Reply-To, and the next one naming it only in References, belong to the offer', async () => {
    const { company, contacts } = await brunsviga()
    const offer = await offerMailed(company.id, contacts[0]!.id, 'angebot-A-2026-0001@kundenreise.test')
    await imap.append('INBOX', rawMail({
      from: ANNA, to: [REP], subject: 'AW: Ihr Angebot', messageId: 'aw-1@brunsviga.de', inReplyTo: 'angebot-A-2026-0001@kundenreise.test',
      references: ['angebot-A-2026-0001@kundenreise.test'], text: 'Danke, wir prüfen.',
    }), at('2026-11-19T10:00:00Z'))
    await imap.append('Sent', rawMail({
      from: REP, to: [ANNA], subject: 'AW: AW: Ihr Angebot', messageId: 'aw-2@kundenreise.test', inReplyTo: 'aw-1@brunsviga.de',
      references: ['angebot-A-2026-0001@kundenreise.test', 'aw-1@brunsviga.de'], text: 'Gern.',
    }), at('2026-11-19T11:00:00Z'))
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Neues Thema', messageId: 'neu-1@brunsviga.de', text: 'Etwas anderes.' }), at('2026-11-19T12:00:00Z'))
    await readMailboxes(t.ctx, imap.account)

    // The offer's own "sent" entry is on it too; its mails are these.
    const onOffer = (await must<Touchpoint[]>('timeline.forRecord', { relatedType: 'offer', relatedId: offer.id })).filter((tp) => tp.mailMessageId !== null)
    expect(onOffer.map((tp) => tp.mailMessageId)).toEqual(['aw-2@kundenreise.test', 'aw-1@brunsviga.de', 'angebot-A-2026-0001@kundenreise.test'])
    expect(onOffer.map((tp) => tp.direction)).toEqual(['outbound', 'inbound', 'outbound'])
    const other = (await mailTouchpoints()).find((tp) => tp.mail_message_id === 'neu-1@brunsviga.de')
    expect(other).toMatchObject({ related_type: null, related_id: null })
  })
})

describe('nothing is filed twice', () => {
  it('two laptops filing the same mail make the same touchpoint id', async () => {
    const second = await openTestDb()
    try {
      await brunsviga()
      await brunsviga(second)
      await imap.append('INBOX', rawMail({ from: ANNA, to: [REP, 'kollege@kundenreise.test'], subject: 'An beide', messageId: 'beide-1@brunsviga.de', text: 'Hallo zusammen.' }), at('2026-11-19T10:00:00Z'))
      second.setNow('2026-11-20T09:00:00.000Z')
      await readMailboxes(t.ctx, imap.account)
      await readMailboxes(second.ctx, imap.account)
      const [mine] = await mailTouchpoints()
      const [theirs] = await mailTouchpoints(second)
      expect(mine!.id).toBe(mailTouchpointId('beide-1@brunsviga.de'))
      expect(theirs!.id).toBe(mine!.id)
    } finally {
      await second.cleanup()
    }
  })

  it('a mail already on the timeline (filed by a colleague) is kept here and linked; one deleted from it is kept as not filed', async () => {
    await brunsviga()
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Eins', messageId: 'eins@brunsviga.de', text: 'Eins.' }), at('2026-11-19T10:00:00Z'))
    await readMailboxes(t.ctx, imap.account)
    // As if this laptop were new: the touchpoint came by sync, the mailbox was never read here.
    const forget = async () => {
      await t.ctx.db.deleteFrom('mail_messages').execute()
      await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    }
    await forget()
    expect(inbox(await readMailboxes(t.ctx, imap.account))).toMatchObject({ filed: 0, linked: 1 })
    const [linked] = await t.ctx.db.selectFrom('mail_messages').selectAll().execute()
    expect(linked).toMatchObject({ state: 'filed', touchpoint_id: mailTouchpointId('eins@brunsviga.de') })

    // Taken off the timeline (here, or by a colleague: the deletion comes by sync): never filed again.
    await must('mailbox.setState', { id: linked!.id, state: 'unfiled' })
    await forget()
    expect(inbox(await readMailboxes(t.ctx, imap.account))).toMatchObject({ filed: 0, linked: 1 })
    expect(await t.ctx.db.selectFrom('mail_messages').select(['state', 'touchpoint_id']).execute()).toEqual([{ state: 'unfiled', touchpoint_id: null }])
    expect((await mailTouchpoints()).filter((tp) => tp.deleted_at === null)).toHaveLength(0)
  })
})

describe('the rep decides per mail', () => {
  it('private takes it off the team’s timeline and keeps it here; filed again makes a fresh touchpoint; not filed is never filed again', async () => {
    const { company } = await brunsviga()
    await imap.append('INBOX', rawMail({ from: ANNA, to: [REP], subject: 'Persönlich', messageId: 'privat-1@brunsviga.de', text: 'Unter uns.' }), at('2026-11-19T10:00:00Z'))
    await readMailboxes(t.ctx, imap.account)
    const [mail] = (await must<Page<MailMessageItem>>('mailbox.list', { state: 'filed', companyId: company.id })).rows
    const derived = mailTouchpointId('privat-1@brunsviga.de')
    expect(mail!.touchpointId).toBe(derived)

    const ops = async () => t.ctx.db.selectFrom('sync_outbox').select(['kind', 'row_id']).where('table_name', '=', 'touchpoints').orderBy('client_seq').execute()
    const privateOne = await must<MailMessageItem>('mailbox.setState', { id: mail!.id, state: 'private' })
    expect(privateOne).toMatchObject({ state: 'private', touchpointId: null })
    expect((await ops()).at(-1)).toEqual({ kind: 'delete', row_id: derived })
    expect((await must<Page<MailMessageItem>>('mailbox.list', { state: 'private' })).rows.map((r) => r.id)).toEqual([mail!.id])
    const timeline = await must<Page<{ kind: string }>>('timeline.forCompany', { companyId: company.id, offset: 0, limit: 20 })
    expect(timeline.rows.filter((r) => r.kind === 'touchpoint')).toHaveLength(0)

    // Read again: the private mail stays private.
    await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    expect(inbox(await readMailboxes(t.ctx, imap.account))).toMatchObject({ filed: 0, skipped: 1 })

    const again = await must<MailMessageItem>('mailbox.setState', { id: mail!.id, state: 'filed' })
    expect(again.state).toBe('filed')
    expect(again.touchpointId).not.toBe(derived)
    const live = (await mailTouchpoints()).filter((tp) => tp.deleted_at === null)
    expect(live.map((tp) => [tp.id, tp.summary, tp.mail_message_id])).toEqual([[again.touchpointId, 'Persönlich', 'privat-1@brunsviga.de']])

    const unfiled = await must<MailMessageItem>('mailbox.setState', { id: mail!.id, state: 'unfiled' })
    expect(unfiled).toMatchObject({ state: 'unfiled', touchpointId: null })
    expect((await mailTouchpoints()).filter((tp) => tp.deleted_at === null)).toHaveLength(0)
    await t.ctx.db.deleteFrom('app_settings').where('key', '=', 'mail.imap.state').execute()
    await readMailboxes(t.ctx, imap.account)
    expect((await mailTouchpoints()).filter((tp) => tp.deleted_at === null)).toHaveLength(0)
    expect(await dispatch(t.app, 'mailbox.setState', { id: '019a0000-0000-7000-8000-000000000009', state: 'filed' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
