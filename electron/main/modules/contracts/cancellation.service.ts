// Cancelling a contract: a notice received by us or sent by us, with its churn reason.
import type { Selectable } from 'kysely'
import { updateSynced } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import { cancelBy, effectiveEnd } from '../../../../shared/modules/contracts/contract.dates'
import { isRenewing } from '../../../../shared/modules/contracts/contract.enums'
import type { ContractCancelInput } from '../../../../shared/modules/contracts/contract.schema'
import type { Contract } from '../../../../shared/modules/contracts/contract.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { refreshJourney } from '../customers'
import { loadContract, logTouchpoint } from './contract-rows'
import { noticeOf, parseLog, termsOf } from './contract-terms'
import { getContract } from './contract.service'

/**
 * Where a notice received on `received` ends the contract, also when it is entered late: the first
 * term of the history whose cancel-by date it was in time for, else a later term.
 */
function effectiveEndFor(row: Selectable<ContractTable>, received: string): string {
  const notice = noticeOf(row)
  for (const term of parseLog(row.terms_log)) if (term.end >= received && cancelBy(term.end, notice) >= received) return term.end
  return effectiveEnd(termsOf(row), received)
}

/**
 * A notice, received by us or sent by us. It ends the contract at the end of the term it is in time
 * for, unless another effective date was agreed; the renewal reminders stop.
 */
export async function cancelContract(ctx: ServiceContext, input: ContractCancelInput & { effectiveOn: string }): Promise<Contract> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadContract(trx, input.id)
    if (!isRenewing(row.status)) throw new AppError('conflict', 'errors.contractNotRunning')
    if (input.receivedOn < row.start_date) throw fieldError('receivedOn', 'errors.cancellationBeforeContract')
    const effective = input.effectiveOn || effectiveEndFor(row, input.receivedOn)
    if (effective < input.receivedOn) throw fieldError('effectiveOn', 'errors.effectiveBeforeReceived')
    await updateSynced(trx, 'contracts', row.id, {
      status: input.cancelledBy === 'customer' ? 'cancelled_customer' : 'cancelled_us', cancelled_by: input.cancelledBy,
      cancellation_received_on: input.receivedOn, cancellation_effective_on: effective, churn_reason: input.reason, churn_note: input.note ?? '',
      review_due: null, final_due: null,
    }, now)
    const byCustomer = input.cancelledBy === 'customer'
    await logTouchpoint(trx, ctx, row, 'renewal', {
      key: byCustomer ? 'contract.cancelledByCustomer' : 'contract.cancelledByUs', params: { number: row.number, effective, received: input.receivedOn },
    }, now, byCustomer ? 'inbound' : 'outbound')
    await refreshJourney(trx, row.company_id, now)
  })
  return getContract(ctx, input.id)
}
