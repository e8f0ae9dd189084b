// The columns of a line item, shared by offer_items and contract_items.
import type { SyncColumns } from './sync-columns'

export interface LineItemColumns extends SyncColumns {
  company_id: string
  position: number
  product_id: string | null
  sku: string
  name: string
  description: string
  quantity: number
  unit: string
  unit_price_cents: number
  discount_percent: number
  vat_rate: number
  optional: number
}
