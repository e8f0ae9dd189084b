// Composing a mail from a template and queueing it (issue 15). The related record is named by the purpose and
// its id; the draft the rep edited comes back whole.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { mailAddressSchema, type MailAddress } from '../customers'
import { MAIL_PURPOSES, type MailPurpose } from './mail.enums'
import { unknownPlaceholders } from './mail-template.rules'

const purpose = z.enum(MAIL_PURPOSES, 'errors.invalid')

export const mailComposeSchema = z.object({
  purpose,
  relatedId: idSchema,
  /** The offer revision whose PDF is attached (default: the current one). */
  revision: z.number().int().min(1).optional(),
  /** The addressee when not the record's own contact. */
  contactId: idSchema.optional(),
}).strict()

export const mailDraftSchema = z.object({
  purpose,
  relatedId: idSchema,
  revision: z.number().int().min(1).optional(),
  language: z.enum(['de', 'en']),
  to: z.array(mailAddressSchema).min(1, 'errors.mailRecipientRequired').max(50),
  cc: z.array(mailAddressSchema).max(50).default([]),
  bcc: z.array(mailAddressSchema).max(50).default([]),
  subject: z.string().trim().min(1, 'errors.required').max(500).refine((v) => !v.includes('\u0000') && !/[\r\n]/.test(v), 'errors.invalid'),
  body: z.string().max(50_000).refine((v) => !v.includes('\u0000'), 'errors.invalid'),
  /** Attach the record's letter as PDF (offer, contract, conversation confirmation). */
  attach: z.boolean().default(true),
}).strict()
export type MailDraftInput = z.input<typeof mailDraftSchema>
export type MailDraftFields = z.infer<typeof mailDraftSchema>

/** A contact the rep may add as a recipient: the buying center of the record's company. */
export interface MailCandidate extends MailAddress {
  contactId: string
  jobFunction: string
  buyingRole: string
}

export interface MailDraft {
  purpose: MailPurpose
  relatedId: string
  revision?: number
  language: 'de' | 'en'
  /** The account's sender; null while no SMTP account is set up (the mail can still be saved as .eml). */
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
  subject: string
  body: string
  /** What `attach` adds: the letter's file name and size. */
  attachments: Array<{ name: string; size: number }>
  candidates: MailCandidate[]
  /** i18n keys: no SMTP account, the contact has no e-mail address, no consent … */
  warnings: string[]
}

/** A template of a purpose in one language; placeholders are `{name}` from MAIL_PLACEHOLDERS. */
export const mailTemplateSchema = z.object({
  purpose,
  language: z.enum(['de', 'en']),
  subject: z.string().trim().min(1, 'errors.required').max(500).refine((v) => !v.includes('\u0000') && !/[\r\n]/.test(v), 'errors.invalid'),
  body: z.string().trim().min(1, 'errors.required').max(20_000).refine((v) => !v.includes('\u0000'), 'errors.invalid'),
}).strict().superRefine((t, issues) => {
  // A placeholder the purpose does not know would reach the customer as "{offerNumbr}": refused when saved.
  for (const field of ['subject', 'body'] as const) {
    if (unknownPlaceholders(t[field], t.purpose).length > 0) issues.addIssue({ code: 'custom', path: [field], message: 'errors.mailPlaceholderUnknown' })
  }
})
export const mailTemplateKeySchema = z.object({ purpose, language: z.enum(['de', 'en']) }).strict()

export interface MailTemplate {
  purpose: MailPurpose
  language: 'de' | 'en'
  subject: string
  body: string
  /** Changed in the settings (false: the built-in text). */
  custom: boolean
  placeholders: string[]
}
