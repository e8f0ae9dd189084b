// The company status following the business, written where the business changes: inside the transaction
// that won the offer, made the contract or (for an ending) rolled the contracts, as a synced edit with its
// event on the customer's timeline. The rule is shared/modules/customers/customer-status.rules.ts.
import type { Transaction } from 'kysely'
import { latestBusiness, lastEndedContract } from '../../../../db/modules/customers/company-status.facts'
import { newId } from '../../../../db/platform/ids'
import { insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { CompanyStatus } from '../../../../shared/modules/customers/customer.enums'
import { statusDecision, type StatusPolicy } from '../../../../shared/modules/customers/customer-status.rules'
import type { Station } from '../../../../shared/modules/customers/journey.stations'
import { eventColumns } from '../../../../shared/platform/event-message'

export interface StatusOutcome {
  status: CompanyStatus
  /** The fact to store as seen, or undefined to keep the stored one (a change left pending). */
  business: number | undefined
  /** The station of the event written, when the status moved (it is the latest touchpoint now). */
  eventStation?: Station
}

/** Decides and, when the status moves, writes it and its timeline event. */
export async function followBusiness(
  trx: Transaction<Database>, companyId: string, status: CompanyStatus, seen: number | null, business: boolean, policy: StatusPolicy, now: string,
): Promise<StatusOutcome> {
  const decision = statusDecision(status, seen, business, policy)
  const fact = decision.record ? Number(business) : undefined
  if (!decision.move) return { status, business: fact }
  let event: ReturnType<typeof eventColumns> & { station: Station }
  if (decision.move === 'customer') {
    const cause = await latestBusiness(trx, companyId)
    event = cause?.kind === 'contract'
      ? { ...eventColumns('company.becameCustomerByContract', { from: status, number: cause.number }), station: 'contract' }
      : { ...eventColumns('company.becameCustomerByOffer', { from: status, number: cause?.number ?? '' }), station: 'offer' }
  } else {
    event = { ...eventColumns('company.becameFormerCustomer', { number: (await lastEndedContract(trx, companyId)) ?? '' }), station: 'renewal' }
  }
  await updateSynced(trx, 'companies', companyId, { status: decision.move }, now)
  await insertSynced(trx, 'touchpoints', {
    id: newId(), company_id: companyId, contact_id: null, occurred_at: now, channel: 'other', direction: 'outbound', mode: 'direct',
    station: event.station, summary: '', message_key: event.message_key, message_params: event.message_params,
  }, now)
  return { status: decision.move, business: fact, eventStation: event.station }
}
