// The device profile as the settings page edits it: the letterhead (platform) and the settings of each
// station, composed here. Each module reads only its own part (see electron/main/platform/device-profile.ts).
import { z } from 'zod'
import { letterheadSchema } from '../../platform/letterhead.schema'
import { contractSettingsShape } from '../contracts'
import { checkOfferSettings, offerSettingsShape } from '../offers'
import { serviceSettingsShape } from '../service'

export const companyProfileSchema = letterheadSchema.extend({ ...offerSettingsShape, ...contractSettingsShape, ...serviceSettingsShape }).superRefine(checkOfferSettings)
export type CompanyProfileSettings = z.output<typeof companyProfileSchema>
