// DSGVO Art. 17 for a lead that was never converted (new, a Marketing-Lead, or rejected): it holds a person's name,
// e-mail, phone, address and scoring history, and no contact to erase it through. One transaction writes the
// `erasures` row (ids only, no company: organisation-wide) and purges the lead here; the server and every laptop
// that pulls the erasure purge it too. A converted lead is erased with its contact (erasure.service.ts).
import { newId } from '../../../../db/platform/ids'
import { signedInRole } from '../../../../db/platform/rights-guard'
import { insertSynced } from '../../../../db/platform/synced-writes'
import { eraseLeadLocally } from '../../../../db/modules/dsgvo'
import { sql } from 'kysely'
import { LEAD_ERASURE_MIN_SEARCH, type LeadErasureItem } from '../../../../shared/modules/dsgvo'
import { AppError } from '../../../../shared/platform/result'
import { deniedKey, may } from '../../../../shared/platform/rights'
import { nowIso, type ServiceContext } from '../../platform/context'
import { scrubDatabase, secureDelete } from './erasure-cleanup'

async function requireLeadWork(ctx: ServiceContext): Promise<void> {
  const role = await signedInRole(ctx.db)
  if (role !== null && !may(role, 'leads.work')) throw new AppError('forbidden', deniedKey('leads.work'))
}

/**
 * The leads never converted whose person, e-mail or company contains the text, newest first: how a request for
 * erasure finds a Marketing-Lead or a rejected lead, which the inbox does not list (and a new one too).
 */
export async function leadsToErase(ctx: ServiceContext, input: { search: string }): Promise<LeadErasureItem[]> {
  await requireLeadWork(ctx)
  const search = input.search.trim().toLowerCase()
  if (search.length < LEAD_ERASURE_MIN_SEARCH) return []
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const text = sql<string>`lower(coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, '') || ' ' || company_name)`
  const rows = await ctx.db.selectFrom('leads').select(['id', 'first_name', 'last_name', 'email', 'company_name', 'status', 'score'])
    .where('deleted_at', 'is', null).where('status', '<>', 'converted').where('contact_id', 'is', null)
    .where(sql<boolean>`${text} like ${pattern} escape '\\'`).orderBy('received_at', 'desc').limit(50).execute()
  return rows.map((r) => ({
    id: r.id, name: `${r.first_name} ${r.last_name}`.trim(), email: r.email ?? '', companyName: r.company_name, status: r.status === 'rejected' ? 'rejected' : 'new', score: r.score,
  }))
}

export async function eraseLead(ctx: ServiceContext, input: { id: string }): Promise<{ erasureId: string }> {
  await requireLeadWork(ctx)
  const lead = await ctx.db.selectFrom('leads').select(['id', 'status', 'contact_id']).where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!lead) throw new AppError('not_found', 'errors.notFound')
  if (lead.status === 'converted' || lead.contact_id) throw new AppError('conflict', 'dsgvo.errors.leadConverted')
  const now = nowIso(ctx)
  const erasureId = newId()
  await secureDelete(ctx.db)
  await ctx.db.transaction().execute(async (trx) => {
    await insertSynced(trx, 'erasures', { id: erasureId, company_id: '', table_name: 'leads', row_id: lead.id, erased_by: ctx.userId, erased_at: now, offer_decision: '' }, now)
    await eraseLeadLocally(trx, lead.id)
  })
  await scrubDatabase(ctx.db)
  return { erasureId }
}
