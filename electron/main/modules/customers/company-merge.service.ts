// Merging two companies: the user picks field by field which value the survivor keeps; everything that hangs
// off the company merged away (contacts, touchpoints, conversations, promises, offers, contracts, installed products,
// cases, referrals, feedback) moves to the survivor; the survivor keeps the other's customer number among its
// former numbers; the other is marked as merged into the survivor and deleted. All of it in one transaction,
// as ordinary synced writes in this order — the loser gives up its number first (the server's index of
// numbers frees it), children move, the survivor changes, the loser goes — so every laptop replays the same
// merge, and a colleague's offline edit of a moved contact lands on it where it now is.
import type { Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { deleteSynced, updateSynced } from '../../../../db/platform/synced-writes'
import { companyFieldsSchema } from '../../../../shared/modules/customers/company.schema'
import { COMPANY_MERGE_FIELDS, type CompanyMergeInput, type CompanyMergeResult } from '../../../../shared/modules/customers/duplicate.schema'
import { LOCAL_WRITE } from '../../../../shared/modules/customers'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { COMPANY_CHILD_TABLES } from './company.service'
import { companyColumns } from './customers.mappers'
import { mergeMonthlyFacts } from './company-merge.monthly'
import { refreshJourney } from './journey.service'

const numbersOf = (text: string) => text.split(/\s+/).filter(Boolean)

async function liveCompany(trx: Transaction<Database>, id: string) {
  const row = await trx.selectFrom('companies').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  // Deleted meanwhile (on this laptop, or by a colleague whose delete came with the last sync).
  if (!row) throw new AppError('conflict', 'errors.mergeGone')
  return row
}

export async function mergeCompanies(ctx: ServiceContext, input: CompanyMergeInput): Promise<CompanyMergeResult> {
  if (input.survivorId === input.loserId) throw new AppError('validation', 'errors.mergeSame')
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const survivor = await liveCompany(trx, input.survivorId)
    const loser = await liveCompany(trx, input.loserId)
    const from = (field: (typeof COMPANY_MERGE_FIELDS)[number]) => (input.take[field] === 'loser' ? 'loser' : 'survivor')
    const pick = <K extends keyof typeof survivor>(field: (typeof COMPANY_MERGE_FIELDS)[number], column: K) => (from(field) === 'loser' ? loser : survivor)[column]
    const fields = companyFieldsSchema.parse({
      name: pick('name', 'name'), customerNumber: pick('customerNumber', 'customer_number'), street: pick('street', 'street'), postalCode: pick('postalCode', 'postal_code'),
      city: pick('city', 'city'), federalState: pick('federalState', 'federal_state'), industry: pick('industry', 'industry'), segment: pick('segment', 'segment'),
      status: pick('status', 'status'), ownerId: pick('ownerId', 'owner_id'), leadSource: pick('leadSource', 'lead_source'), notes: pick('notes', 'notes'),
    })
    const former = new Set([...numbersOf(survivor.former_numbers), ...numbersOf(loser.former_numbers), survivor.customer_number, loser.customer_number])
    former.delete(fields.customerNumber)
    former.delete('')

    await updateSynced(trx, 'companies', loser.id, { customer_number: '', merged_into: survivor.id }, now)
    // ERP facts are one row per company and month: a month both have is added up under the survivor first.
    await mergeMonthlyFacts(trx, loser.id, survivor.id, now)
    const moved: Record<string, number> = {}
    for (const table of COMPANY_CHILD_TABLES) {
      const rows = await trx.selectFrom(table).select('id').where('company_id', '=', loser.id).where('deleted_at', 'is', null).execute()
      for (const row of rows) await updateSynced(trx, table, row.id, { company_id: survivor.id }, now)
      if (rows.length > 0) moved[table] = rows.length
    }
    // A referral that names the company merged away as the one it brought in names the survivor now.
    const referred = await trx.selectFrom('referrals').select('id').where('referred_company_id', '=', loser.id).where('deleted_at', 'is', null).execute()
    for (const row of referred) await updateSynced(trx, 'referrals', row.id, { referred_company_id: survivor.id }, now)
    // This device's own mail (never synced) follows too: mails read from the rep's mailbox and the outbox.
    await trx.updateTable('mail_messages').set({ company_id: survivor.id }).where('company_id', '=', loser.id).execute()
    await trx.updateTable('mail_outbox').set({ company_id: survivor.id }).where('company_id', '=', loser.id).execute()
    await updateSynced(trx, 'companies', survivor.id, { ...companyColumns(fields), former_numbers: [...former].join(' ') }, now)
    await deleteSynced(trx, 'companies', loser.id, now)
    await refreshJourney(trx, survivor.id, now, undefined, LOCAL_WRITE)
    return { survivorId: survivor.id, moved }
  })
}
