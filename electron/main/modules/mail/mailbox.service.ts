// The mails read from the rep's mailbox, on this device: the list (filters, newest first, with company and
// contact names), one mail with its text, an attachment from the stored message, and the rep's choice per mail:
// not filed (taken off the timeline, never filed again), private (off the team's timeline, kept here only) or
// filed again (a fresh touchpoint).
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced } from '../../../../db/platform/synced-writes'
import type { MailboxListQuery, MailMessageDetail, MailMessageItem } from '../../../../shared/modules/mail'
import type { ExportFile } from '../../../../shared/platform/export-file'
import type { Page } from '../../../../shared/platform/common.schema'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { safeNamePart } from '../../platform/documents/document-files'
import { refreshJourney } from '../customers'
import { factsOfStored, insertMailTouchpoint } from './mail-filing'
import { ITEM_COLUMNS, toMailDetail, toMailItem } from './mailbox.mappers'
import { attachmentsOf, parseMail } from './mailbox-parse'

const itemQuery = (db: Kysely<Database>) => db
  .selectFrom('mail_messages as m')
  .leftJoin('companies as c', 'c.id', 'm.company_id')
  .leftJoin('contacts as k', 'k.id', 'm.contact_id')
  .select([...ITEM_COLUMNS, 'c.name as company_name', 'k.first_name', 'k.last_name'])

export async function listMailbox(ctx: ServiceContext, q: MailboxListQuery): Promise<Page<MailMessageItem>> {
  let query = itemQuery(ctx.db)
  let count = ctx.db.selectFrom('mail_messages as m').select((eb) => eb.fn.countAll<number>().as('n'))
  if (q.state !== 'all') {
    query = query.where('m.state', '=', q.state)
    count = count.where('m.state', '=', q.state)
  }
  if (q.companyId) {
    query = query.where('m.company_id', '=', q.companyId)
    count = count.where('m.company_id', '=', q.companyId)
  }
  if (q.touchpointId) {
    query = query.where('m.touchpoint_id', '=', q.touchpointId)
    count = count.where('m.touchpoint_id', '=', q.touchpointId)
  }
  const [rows, total] = await Promise.all([
    query.orderBy('m.sent_at', 'desc').orderBy('m.id', 'desc').offset(q.offset).limit(q.limit).execute(),
    count.executeTakeFirstOrThrow(),
  ])
  return { rows: rows.map(toMailItem), total: Number(total.n), offset: q.offset }
}

async function findDetail(db: Kysely<Database>, id: string) {
  return itemQuery(db).select(['m.body_text', sql<number>`m.raw is not null`.as('has_raw')]).where('m.id', '=', id).executeTakeFirst()
}

export async function getMailMessage(ctx: ServiceContext, id: string, db: Kysely<Database> = ctx.db): Promise<MailMessageDetail> {
  const row = await findDetail(db, id)
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toMailDetail(row)
}

/** Types a browser would show inline (and could run) are handed over as plain bytes. */
const safeMimeType = (type: string) => (/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(type) && !/html|xml|svg|javascript|ecmascript/i.test(type) ? type.toLowerCase() : 'application/octet-stream')

/** One attachment of a stored mail; its name as the sender gave it, made safe (never a path). */
export async function mailAttachment(ctx: ServiceContext, q: { id: string; index: number }): Promise<ExportFile> {
  const row = await ctx.db.selectFrom('mail_messages').select(['raw']).where('id', '=', q.id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  if (!row.raw) throw new AppError('not_found', 'mailbox.error.noRaw')
  let attachment
  try {
    attachment = attachmentsOf(await parseMail(Buffer.from(row.raw)))[q.index]
  } catch {
    throw new AppError('conflict', 'mailbox.error.malformed')
  }
  if (!attachment) throw new AppError('not_found', 'mailbox.error.noAttachment')
  const fileName = safeNamePart(attachment.filename ?? '') || `Anhang-${q.index + 1}`
  return { fileName, base64: attachment.content.toString('base64'), mimeType: safeMimeType(attachment.contentType), rows: 1 }
}

/** Takes the mail's touchpoint off the timeline, if it is on it (a colleague may have deleted it meanwhile). */
async function takeOff(trx: Transaction<Database>, touchpointId: string | null, now: string): Promise<void> {
  if (!touchpointId) return
  const touchpoint = await trx.selectFrom('touchpoints').select(['company_id']).where('id', '=', touchpointId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!touchpoint) return
  await deleteSynced(trx, 'touchpoints', touchpointId, now)
  await refreshJourney(trx, touchpoint.company_id, now)
}

export async function setMailState(ctx: ServiceContext, q: { id: string; state: 'filed' | 'unfiled' | 'private' }): Promise<MailMessageItem> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('mail_messages').selectAll().where('id', '=', q.id).executeTakeFirst()
    if (!row) throw new AppError('not_found', 'errors.notFound')
    if (row.state === 'malformed') throw new AppError('conflict', 'mailbox.error.malformedState')
    if (row.state !== q.state) {
      if (q.state === 'filed') {
        const facts = factsOfStored(row)
        const live = facts && (await trx.selectFrom('companies').select('id').where('id', '=', facts.companyId).where('deleted_at', 'is', null).executeTakeFirst())
        const contact = facts?.contactId
          ? await trx.selectFrom('contacts').select('id').where('id', '=', facts.contactId).where('deleted_at', 'is', null).executeTakeFirst()
          : true
        if (!facts || !live || !contact) throw new AppError('conflict', 'mailbox.error.customerGone')
        // A fresh id: the derived one may be deleted on the server already (the rep's earlier choice).
        const id = newId()
        await insertMailTouchpoint(trx, ctx, facts, id, now)
        await trx.updateTable('mail_messages').set({ state: 'filed', touchpoint_id: id }).where('id', '=', q.id).execute()
      } else {
        await takeOff(trx, row.touchpoint_id, now)
        await trx.updateTable('mail_messages').set({ state: q.state, touchpoint_id: null }).where('id', '=', q.id).execute()
      }
    }
    return toMailItem((await findDetail(trx, q.id))!)
  })
}
