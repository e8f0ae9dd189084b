// The columns of a line item, shared by offer_items and contract_items.
import type { Default, SyncColumns } from './sync-columns'
import type { VatRate } from '../../shared/platform/line-item-totals'

export interface LineItemColumns extends SyncColumns {
  company_id: string
  position: number
  product_id: string | null
  sku: Default<string>
  name: string
  description: Default<string>
  quantity: number
  unit: Default<string>
  unit_price_cents: number
  discount_percent: Default<number>
  vat_rate: Default<VatRate>
  optional: Default<number>
}
