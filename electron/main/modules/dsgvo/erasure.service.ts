// DSGVO Art. 17 on this laptop: what the confirmation shows, the erasure itself in one transaction (the
// `erasures` row — the only outbox operation, ids only — and the local purge), then the cleanup of
// documents and of the file. Open offers addressed to the person are kept without them or withdrawn,
// as the user decided; without a decision nothing is erased.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { eraseLocally } from '../../../../db/modules/dsgvo'
import { undecidedOffer } from '../../../../db/modules/offers'
import type { ContactEraseInput, ErasurePreview, ErasureResult } from '../../../../shared/modules/dsgvo'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { sweepBlobs } from '../files'
import { removeDocuments, scrubDatabase, secureDelete } from './erasure-cleanup'

async function loadContact(ctx: ServiceContext, id: string) {
  const contact = await ctx.db.selectFrom('contacts as c').innerJoin('companies as co', 'co.id', 'c.company_id')
    .select(['c.id', 'c.company_id', 'c.first_name', 'c.last_name', 'co.name as company_name']).where('c.id', '=', id).executeTakeFirst()
  if (!contact) throw new AppError('not_found', 'errors.notFound')
  return contact
}

const openOffersOf = (ctx: Pick<ServiceContext, 'db'>, contactId: string) =>
  ctx.db.selectFrom('offers').select(['id', 'number', 'status', 'company_id']).where('contact_id', '=', contactId).where('deleted_at', 'is', null)
    .where(undecidedOffer()).orderBy('number').execute()

const countOf = async (ctx: ServiceContext, table: 'touchpoints' | 'offers' | 'contracts' | 'cases', contactId: string) =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('contact_id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n)

export async function erasurePreview(ctx: ServiceContext, id: string): Promise<ErasurePreview> {
  const contact = await loadContact(ctx, id)
  return {
    contactId: contact.id,
    displayName: `${contact.first_name} ${contact.last_name}`.trim(),
    companyId: contact.company_id,
    companyName: contact.company_name,
    openOffers: (await openOffersOf(ctx, id)).map((o) => ({ id: o.id, number: o.number, status: o.status })),
    kept: {
      touchpoints: await countOf(ctx, 'touchpoints', id),
      offers: await countOf(ctx, 'offers', id),
      contracts: await countOf(ctx, 'contracts', id),
      cases: await countOf(ctx, 'cases', id),
    },
  }
}

/**
 * A lead converted into the person whose conversion has not reached the server (an operation on it still waits in
 * the outbox): the erasure blanks that operation, so the server would keep the lead as posted, not knowing it was the
 * person's. Its own erasure (docs/leads.md "DSGVO erasure") goes with the contact's.
 */
async function eraseUnpushedLeads(trx: Transaction<Database>, contactId: string, userId: string, now: string): Promise<void> {
  const leads = await trx.selectFrom('leads').select('id').where('contact_id', '=', contactId)
    .where((eb) => eb.exists(eb.selectFrom('sync_outbox').select('client_seq').where('sync_outbox.table_name', '=', 'leads').whereRef('sync_outbox.row_id', '=', 'leads.id'))).execute()
  for (const lead of leads) {
    await insertSynced(trx, 'erasures', { id: newId(), company_id: '', table_name: 'leads', row_id: lead.id, erased_by: userId, erased_at: now, offer_decision: '' }, now)
  }
}

export async function eraseContact(ctx: ServiceContext, input: ContactEraseInput): Promise<ErasureResult> {
  const contact = await loadContact(ctx, input.id)
  const open = await openOffersOf(ctx, contact.id)
  if (open.length > 0 && !input.offerDecision) throw fieldError('offerDecision', 'dsgvo.errors.offerDecisionRequired')
  const now = nowIso(ctx)
  const erasureId = newId()
  await secureDelete(ctx.db)
  const erased = await ctx.db.transaction().execute(async (trx) => {
    if (input.offerDecision === 'withdraw') {
      for (const offer of open) {
        await updateSynced(trx, 'offers', offer.id, { status: 'withdrawn', closed_at: now }, now)
        const followUps = await trx.selectFrom('follow_ups').select('id').where('offer_id', '=', offer.id).where('status', '=', 'open').where('deleted_at', 'is', null).execute()
        for (const f of followUps) await updateSynced(trx, 'follow_ups', f.id, { status: 'cancelled' }, now)
      }
    }
    await insertSynced(trx, 'erasures', {
      id: erasureId, company_id: contact.company_id, table_name: 'contacts', row_id: contact.id, erased_by: ctx.userId, erased_at: now,
      offer_decision: open.length > 0 ? input.offerDecision ?? '' : '',
    }, now)
    await eraseUnpushedLeads(trx, contact.id, ctx.userId, now)
    const local = await eraseLocally(trx, contact.id, now)
    await refreshJourney(trx, contact.company_id, now)
    return local
  })
  const removedDocuments = await removeDocuments(ctx.db, [...erased.offers, ...erased.contracts])
  await sweepBlobs(ctx.db)
  await scrubDatabase(ctx.db)
  return { erasureId, withdrawnOffers: input.offerDecision === 'withdraw' ? open.length : 0, removedDocuments }
}

