// The device profile as the settings page edits it: the letterhead (platform) and the device settings of the
// stations (delivery terms, renewal lead), composed here. The follow-up cadence, lost reasons and service levels are
// the team's (team-rules.schema.ts, issue 18). Each module reads only its own part (see electron/main/platform/device-profile.ts).
import { z } from 'zod'
import { letterheadSchema } from '../../platform/letterhead.schema'
import { contractSettingsShape } from '../contracts'
import { offerSettingsShape } from '../offers'

export const companyProfileSchema = letterheadSchema.extend({ ...offerSettingsShape, ...contractSettingsShape })
export type CompanyProfileSettings = z.output<typeof companyProfileSchema>
