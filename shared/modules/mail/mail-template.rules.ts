// Mail templates (issue 15): which placeholders each purpose offers, the check a saved template must pass, and
// filling a template. Placeholders are `{name}`; text outside them is the rep's own and taken as it is.
import type { MailPurpose } from './mail.enums'

/** Every mail has these: the letter's salutation, names, and the rep's signature from the profile. */
const COMMON = ['salutation', 'contactName', 'companyName', 'senderName', 'signature'] as const
const OFFER = ['offerNumber', 'offerDate', 'validUntil', 'grossTotal', 'revision'] as const
const CASE = ['caseNumber', 'caseSubject', 'resolveBy'] as const

export const MAIL_PLACEHOLDERS: Record<MailPurpose, readonly string[]> = {
  offer: [...COMMON, ...OFFER],
  follow_up: [...COMMON, ...OFFER],
  renewal_offer: [...COMMON, ...OFFER, 'contractNumber', 'cancelBy'],
  contract: [...COMMON, 'contractNumber', 'contractTitle', 'startDate', 'cancelBy'],
  complaint_acknowledged: [...COMMON, ...CASE],
  complaint_resolved: [...COMMON, ...CASE],
  case: [...COMMON, ...CASE],
  referral_thanks: [...COMMON, 'referredCompany'],
  conversation_confirmation: [...COMMON, 'conversationDate'],
  promise_changed: [...COMMON, 'promiseTitle', 'dueDate'],
  appointment_invitation: [...COMMON, 'appointmentTitle', 'appointmentDate', 'appointmentStart', 'appointmentEnd', 'appointmentLocation'],
}

const PLACEHOLDER = /\{([^{}\s]*)\}/g

/** The placeholders a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))]
}

/** The placeholders of a text that its purpose does not know (a typo, or one of another purpose). */
export function unknownPlaceholders(text: string, purpose: MailPurpose): string[] {
  const known = MAIL_PLACEHOLDERS[purpose]
  return placeholdersIn(text).filter((name) => !known.includes(name))
}

/** Fills a template; a placeholder without a value stays visible as `{name}` so the rep sees what is missing. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole))
}
