// DSGVO Art. 17 for a lead that was never converted (new, a Marketing-Lead, or rejected): it holds a person's name,
// e-mail, phone, address and scoring history, and no contact to erase it through. One transaction writes the
// `erasures` row (ids only, no company: organisation-wide) and purges the lead here; the server and every laptop
// that pulls the erasure purge it too. A converted lead is erased with its contact (erasure.service.ts).
import { newId } from '../../../../db/platform/ids'
import { signedInRole } from '../../../../db/platform/rights-guard'
import { insertSynced } from '../../../../db/platform/synced-writes'
import { eraseLeadLocally } from '../../../../db/modules/dsgvo'
import { AppError } from '../../../../shared/platform/result'
import { deniedKey, may } from '../../../../shared/platform/rights'
import { nowIso, type ServiceContext } from '../../platform/context'
import { scrubDatabase, secureDelete } from './erasure-cleanup'

export async function eraseLead(ctx: ServiceContext, input: { id: string }): Promise<{ erasureId: string }> {
  const role = await signedInRole(ctx.db)
  if (role !== null && !may(role, 'leads.work')) throw new AppError('forbidden', deniedKey('leads.work'))
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
