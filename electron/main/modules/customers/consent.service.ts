// Consents of a contact: listed with the history, given (a new row each time), withdrawn (the day is set;
// a withdrawn consent is never given again — a new one is recorded). Each write through the synced path.
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Consent, ConsentCreateInput } from '../../../../shared/modules/customers/consent.schema'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'

type Row = { id: string; contact_id: string; channel: Consent['channel']; purpose: Consent['purpose']; given_on: string; source: string; withdrawn_on: string | null; note: string; created_at: string }
const toConsent = (r: Row): Consent => ({
  id: r.id, contactId: r.contact_id, channel: r.channel, purpose: r.purpose, givenOn: r.given_on, source: r.source, withdrawnOn: r.withdrawn_on, note: r.note, createdAt: r.created_at,
})

export async function listConsents(ctx: ServiceContext, contactId: string): Promise<Consent[]> {
  const rows = await ctx.db.selectFrom('consents').selectAll().where('contact_id', '=', contactId).where('deleted_at', 'is', null)
    .orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute()
  return rows.map(toConsent)
}

export async function giveConsent(ctx: ServiceContext, input: ConsentCreateInput): Promise<Consent> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await trx.selectFrom('contacts').select('company_id').where('id', '=', input.contactId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!contact) throw fieldError('contactId', 'errors.notFound')
    const id = newId()
    await insertSynced(trx, 'consents', {
      id, company_id: contact.company_id, contact_id: input.contactId, channel: input.channel, purpose: input.purpose, given_on: input.givenOn,
      source: input.source, withdrawn_on: null, note: input.note,
    }, now)
    return toConsent(await trx.selectFrom('consents').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
  })
}

export async function withdrawConsent(ctx: ServiceContext, id: string, withdrawnOn: string): Promise<Consent> {
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('consents').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!row) throw new AppError('not_found', 'errors.notFound')
    if (row.withdrawn_on) throw new AppError('conflict', 'errors.consentWithdrawn')
    if (withdrawnOn < row.given_on) throw fieldError('withdrawnOn', 'errors.consentBeforeGiven')
    await updateSynced(trx, 'consents', id, { withdrawn_on: withdrawnOn }, now)
    return toConsent({ ...row, withdrawn_on: withdrawnOn })
  })
}
