// The erasures table (migration 011): one row per erased person, ids only.
import type { Default, SyncColumns } from '../../platform/sync-columns'
import type { ErasedTable, OfferDecision } from '../../../shared/modules/dsgvo'

export interface ErasureTable extends SyncColumns {
  company_id: string
  table_name: ErasedTable
  row_id: string
  erased_by: string
  erased_at: string
  offer_decision: Default<OfferDecision | ''>
}
