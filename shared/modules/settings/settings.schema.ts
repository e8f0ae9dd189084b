// Local, per-device settings (not synced): UI language, who is working on this laptop, and the parts of modules
// that belong to the device (the planning module's reminder lead time).
import { z } from 'zod'
import { idSchema, optionalIdSchema } from '../../platform/common.schema'
import { LANGUAGES } from '../customers'
import { planningDeviceSettingsShape } from '../planning'

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES, 'errors.invalidChoice'),
  currentUserId: optionalIdSchema,
  ...planningDeviceSettingsShape,
})
export type Settings = z.output<typeof settingsSchema>
/** Only what is sent changes: an absent field keeps its value (no defaults here — `currentUserId` once fell back to ''). */
export const settingsUpdateSchema = settingsSchema.extend({ currentUserId: idSchema }).partial()

export interface AppInfo {
  version: string
  mode: 'desktop' | 'web'
  databasePath: string
  schemaVersion: number
  clientId: string
  pendingChanges: number
  /** Result of the background structural check of the database file. */
  integrity: 'checking' | 'ok' | 'corrupt'
  /** Which database is open: the user's own ('real') or the separate demo database ('demo'; the frame shows a banner). Absent means 'real'. */
  database?: 'real' | 'demo'
  /** The app's clock (the renderer takes its "today" from it, so a moved test clock holds everywhere). */
  now: string
  /** The open database file is encrypted at rest (SQLCipher, its key sealed by the OS keychain). */
  encrypted: boolean
}

export const demoLoadSchema = z.object({ size: z.enum(['small']).default('small') })
