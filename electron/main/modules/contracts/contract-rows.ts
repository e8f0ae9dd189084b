// What the contract use cases share: reading a contract row, and writing its event on the customer's timeline.
import type { Kysely, Selectable, Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import { insertSynced } from '../../../../db/platform/synced-writes'
import type { ContractTable } from '../../../../db/modules/contracts/contracts.table'
import type { Database } from '../../../../db/database.types'
import type { Direction } from '../../../../shared/modules/customers'
import type { ContractEventKey } from '../../../../shared/modules/contracts/contract.events'
import { eventColumns, type EventParams } from '../../../../shared/platform/event-message'
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'

export async function loadContract(db: Kysely<Database>, id: string): Promise<Selectable<ContractTable>> {
  const row = await db.selectFrom('contracts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return row
}

/** The contract's event on the customer's timeline: a message key and its parameters, shown in the reader's language. */
export async function logTouchpoint(
  trx: Transaction<Database>, ctx: ServiceContext, row: { company_id: string; contact_id: string | null }, station: 'contract' | 'renewal',
  event: { key: ContractEventKey; params: EventParams }, now: string, direction: Direction = 'outbound',
): Promise<void> {
  await insertSynced(trx, 'touchpoints', {
    id: newId(), company_id: row.company_id, contact_id: row.contact_id, occurred_at: now, channel: 'other', direction, mode: 'direct', station,
    summary: '', ...eventColumns(event.key, event.params), created_by: ctx.userId,
  }, now)
}
