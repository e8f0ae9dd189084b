// Renewal continuation: a renewal offer is checked against its contract when it is made, and a won
// one continues the contract (called by the offers module, in the same transaction as the win).
import type { Kysely, Selectable, Transaction } from 'kysely'
import { updateSynced } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import type { Database } from '../../../../db/database.types'
import { cancelBy, nextTerm, termEnd } from '../../../../shared/modules/contracts/contract.dates'
import { isRenewing } from '../../../../shared/modules/contracts/contract.enums'
import type { ContractTermEntry } from '../../../../shared/modules/contracts/contract.types'
import type { OfferItemFields } from '../../../../shared/platform/line-items.schema'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { ServiceContext } from '../../platform/context'
import { CONTRACT_LINES, writeLines } from '../../platform/documents/line-items'
import { logTouchpoint } from './contract-rows'
import { noticeOf, parseLog, reminderColumns, workdayRule } from './contract-terms'

/**
 * Checked when a renewal offer is made or won: the contract must still be running and renewing. A contract
 * cancelled or ended is not renewed by an offer (a new contract is). That only one renewal offer is undecided
 * at a time is the offers' rule (offer.service.ts), asked with their own predicate.
 */
export async function checkRenewable(db: Kysely<Database>, contractId: string, companyId: string): Promise<Selectable<ContractTable>> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', contractId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row || row.company_id !== companyId) throw fieldError('contractId', 'errors.contractNotOfCompany')
  if (!isRenewing(row.status)) throw fieldError('contractId', 'errors.contractNotRenewable')
  return row
}

/**
 * A won renewal offer: the contract runs on from the day after its running term with the offer's
 * term, items and value (the order value is the new annual value).
 */
export async function continueContract(
  trx: Transaction<Database>, ctx: ServiceContext,
  offer: { id: string; number: string; contract_id: string; contract_term_months: number; company_id: string; contact_id: string | null; sent_at: string | null; offer_date: string },
  orderValueCents: number, items: OfferItemFields[], now: string,
): Promise<void> {
  const row = await checkRenewable(trx, offer.contract_id, offer.company_id).catch(() => {
    throw new AppError('conflict', 'errors.contractNotRenewable')
  })
  const day = berlinDay(now)
  const months = offer.contract_term_months || row.renewal_months || row.minimum_term_months
  let log = parseLog(row.terms_log)
  const last = log[log.length - 1]
  const offeredIn = (offer.sent_at ?? offer.offer_date).slice(0, 10)
  // The term after the one the offer was made in is already settled by another renewal offer.
  if (log.some((t) => t.via === 'offer' && t.start > offeredIn)) throw new AppError('conflict', 'errors.contractAlreadyRenewed')
  // Made in an earlier term and won after the contract renewed tacitly: the offer's terms replace
  // that tacit term instead of starting a year later.
  let start = nextTerm(row.end_date, months, noticeOf(row)).start
  if (last && last.via === 'tacit' && last.start > offeredIn) {
    start = last.start
    log = log.slice(0, -1)
  }
  const end = termEnd(start, months)
  const cancel = cancelBy(end, noticeOf(row))
  const workday = await workdayRule(trx, row.company_id)
  log = [...log, { start, end, via: 'offer', offerId: offer.id } satisfies ContractTermEntry]
  await updateSynced(trx, 'contracts', row.id, {
    status: 'renewed', term_start: start, end_date: end, cancel_by: cancel, annual_value_cents: orderValueCents, terms_log: JSON.stringify(log),
    ...reminderColumns(cancel, day, row.renewal_lead_days, workday),
  }, now)
  await writeLines(trx, CONTRACT_LINES, row.id, row.company_id, items, now)
  await logTouchpoint(trx, ctx, row, 'renewal', { key: 'contract.renewed', params: { number: row.number, end, offer: offer.number } }, now)
}
