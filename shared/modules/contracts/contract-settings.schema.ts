// The contract station's settings on this device: how long before the cancel-by date the renewal review is due.
import { z } from 'zod'
import { DEFAULT_RENEWAL_LEAD_DAYS } from './contract.dates'

export const contractSettingsShape = {
  /** Days before the cancel-by date the renewal review is due (the final reminder comes 14 days before it). */
  renewalLeadDays: z.number('errors.number').int('errors.integer').min(15, 'errors.tooSmall').max(365, 'errors.tooLarge').default(DEFAULT_RENEWAL_LEAD_DAYS),
}
export const contractSettingsSchema = z.object(contractSettingsShape)
export type ContractSettings = z.output<typeof contractSettingsSchema>
