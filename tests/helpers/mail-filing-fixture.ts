// Files an inbound mail's touchpoint the way the IMAP reader does (its id from the Message-ID), without a mailbox.
import type { ServiceContext } from '../../electron/main/platform/context'
import { insertMailTouchpoint } from '../../electron/main/modules/mail/mail-filing'
import { mailTouchpointId } from '../../electron/main/modules/mail'

export async function fileMailTouchpointForTest(ctx: ServiceContext, companyId: string, messageId: string): Promise<string> {
  const id = mailTouchpointId(messageId)
  const now = ctx.clock().toISOString()
  await ctx.db.transaction().execute((trx) => insertMailTouchpoint(trx, ctx, {
    companyId, contactId: null, direction: 'inbound', sentAt: '2026-11-20T13:00:00.000Z', subject: 'AW: Angebot', messageId,
    meta: { from: { name: 'Anna Berger', address: 'anna.berger@brunsviga.example' }, to: [{ name: '', address: 'vertrieb@nordlicht.example' }], cc: [], snippet: 'Passt.', attachments: [] },
    related: null,
  }, id, now))
  return id
}
