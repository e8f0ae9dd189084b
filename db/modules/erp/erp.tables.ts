// ERP facts (issue 17), synced with the company: one row per customer and month.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { ErpFactSource } from '../../../shared/modules/erp'

export interface ErpFactTable extends SyncColumns {
  company_id: string
  /** "YYYY-MM" */
  month: string
  /** Net revenue invoiced in the month, in cents (never negative). */
  revenue_cents: Default<number>
  /** Open items at the end of the month (or at the export), in cents. */
  open_items_cents: Default<number>
  /** Days the oldest open item is past its due date (0 = nothing overdue). */
  days_overdue: Default<number>
  /** Who wrote it: an import in the app, or the ERP export posted to the sync server. */
  source: Default<ErpFactSource>
}
