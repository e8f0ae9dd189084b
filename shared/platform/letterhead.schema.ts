// The seller's letterhead on this device (company, footer, bank, the rep's signature, the logo the user
// picked): what every letter shares. Stored with the device profile, never synced. Which of these a
// letter cannot go out without: letter-profile.ts.
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
  /** The user's own name, e-mail and title as they sign letters (their users row is updated with the name while no sync server names them). */
  repName: text(200),
  repEmail: emailSchema,
  repJobTitle: text(100),
  /** The user's extension, joined to `phone` in letters ("12" → "+49 511 987650-12"), or a full direct number. */
  repPhone: phoneSchema,
  repMobile: phoneSchema,
  /** Whose signature details these are (set when they are saved): after "who is working" changes, they are not the new user's. */
  repUserId: text(60),
})
export type Letterhead = z.output<typeof letterheadSchema>
