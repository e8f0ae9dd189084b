// The seller's letterhead on this device (company, footer, bank, the rep's signature, the logo the user
// picked): what every letter shares. Stored with the device profile, never synced.
import { z } from 'zod'
import { emailSchema, phoneSchema, text } from './common.schema'

export const letterheadSchema = z.object({
  name: text(200),
  street: text(200),
  postalCode: text(10),
  city: text(100),
  phone: phoneSchema,
  email: emailSchema,
  website: text(200),
  /**
   * Absolute path of the PNG/JPEG logo (≤ 2 MB) the user picked on this device. Saving copies the file
   * into the app's profile folder and letters embed that copy; this profile never leaves the device.
   */
  logoPath: text(1000),
  managingDirectors: text(300),
  registerCourt: text(200),
  registerNumber: text(100),
  vatId: text(40),
  bankName: text(200),
  iban: text(40).refine((v) => v === '' || /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,32}$/.test(v.toUpperCase()), 'errors.iban'),
  bic: text(20),
  repJobTitle: text(100),
  repPhone: phoneSchema,
})
export type Letterhead = z.output<typeof letterheadSchema>
