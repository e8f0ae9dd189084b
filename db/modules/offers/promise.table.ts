// Promises made to a customer (issue 15, "Information bei geänderten Zusagen"): next steps agreed in a
// conversation, with a due date, on the owner's work list until kept. Synced with the company.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { PromiseStatus } from '../../../shared/modules/offers'

export interface PromiseTable extends SyncColumns {
  company_id: string
  contact_id: Default<string | null>
  conversation_id: Default<string | null>
  offer_id: Default<string | null>
  title: string
  due_date: string
  owner_id: string
  status: Default<PromiseStatus>
  done_at: Default<string | null>
  /** When the due date or the promise itself was last changed after it was made (the customer should hear of it). */
  changed_at: Default<string | null>
  created_by: Default<string>
}
