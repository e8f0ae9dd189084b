// What a touchpoint records of a mail (issue 15): its envelope, the first lines and the attachments' names and
// sizes — never a file path, never the body. Synced with the touchpoint, so it is checked like every synced value:
// by the laptop that files the mail, by the server on push, by every laptop on pull (row-schemas.ts).
import { z } from 'zod'

/** A mail address with its display name, as a mail header carries it. */
export const mailAddressSchema = z.object({
  name: z.string().max(200).refine((v) => !v.includes('\u0000') && !/[\r\n]/.test(v), 'errors.invalid').default(''),
  address: z.string().trim().toLowerCase().max(254).pipe(z.email('errors.email')),
}).strict()
export type MailAddress = z.infer<typeof mailAddressSchema>

export const MAIL_SNIPPET_LENGTH = 300

export const mailMetaSchema = z.object({
  from: mailAddressSchema,
  to: z.array(mailAddressSchema).max(100),
  cc: z.array(mailAddressSchema).max(100).default([]),
  snippet: z.string().max(MAIL_SNIPPET_LENGTH + 20).default(''),
  /** Names as the sender gave them (shown, never used as a path) and sizes in bytes. */
  attachments: z.array(z.object({ name: z.string().max(255), size: z.number().int().min(0).max(1_000_000_000) }).strict()).max(100).default([]),
}).strict()
export type MailMeta = z.infer<typeof mailMetaSchema>

/** The mail_meta column: JSON of a MailMeta, or null. */
export const mailMetaJson = z.string().max(60_000).refine((value) => {
  try {
    return mailMetaSchema.safeParse(JSON.parse(value)).success
  } catch {
    return false
  }
}, 'errors.invalid')

/** A stored mail_meta value read back; null when absent or not a valid envelope (it was checked when written). */
export function parseMailMeta(value: string | null | undefined): MailMeta | null {
  if (!value) return null
  try {
    const parsed = mailMetaSchema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
