// Service requests arriving from outside (issue 19, docs/service-intake.md): the web form the sync server serves,
// the JSON endpoint of the integration family and the service mailbox. The same schema checks the form on the
// server and the JSON post; the rules here find a case number or a customer number in a mail's subject or text.
// Requests the server cannot match to a customer wait in the triage list (`service_requests`, a synced table).
import { z } from 'zod'

/** Where a request came from. */
export const SERVICE_REQUEST_SOURCES = ['web', 'email', 'api'] as const
export type ServiceRequestSource = (typeof SERVICE_REQUEST_SOURCES)[number]

/** A triage row's state: waiting, turned into a case on a laptop, or discarded with a reason. */
export const SERVICE_REQUEST_STATUSES = ['new', 'assigned', 'discarded'] as const
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number]

/** Why the server could not match it: a customer number nobody holds, an unknown sender, a sender of several customers. */
export const TRIAGE_REASONS = ['unknown_customer_number', 'unknown_sender', 'ambiguous_sender'] as const
export type TriageReason = (typeof TRIAGE_REASONS)[number]

/** Why service staff discard a request (catalogue). */
export const SERVICE_REQUEST_DISCARD_REASONS = ['spam', 'duplicate', 'not_a_customer', 'wrong_address', 'other'] as const
export type ServiceRequestDiscardReason = (typeof SERVICE_REQUEST_DISCARD_REASONS)[number]

export const SERVICE_REQUEST_LIMITS = { name: 100, email: 254, customerNumber: 40, subject: 200, description: 8000 } as const

const noNul = (value: string) => !value.includes('\u0000')
const required = (max: number) => z.string('errors.required').trim().min(1, 'errors.required').max(max, 'errors.tooLong').refine(noNul, 'errors.invalid')

/** What a person types into the service form (and a sending system posts): checked the same way on both paths. */
export const serviceRequestFields = {
  name: required(SERVICE_REQUEST_LIMITS.name),
  email: z.string('errors.required').trim().min(1, 'errors.required').max(SERVICE_REQUEST_LIMITS.email, 'errors.tooLong').refine((v) => z.regexes.email.test(v), 'errors.email'),
  customerNumber: z.string('errors.invalid').trim().max(SERVICE_REQUEST_LIMITS.customerNumber, 'errors.tooLong').regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$|^$/, 'errors.invalid').default(''),
  subject: required(SERVICE_REQUEST_LIMITS.subject),
  description: required(SERVICE_REQUEST_LIMITS.description),
}

/** The web form: the fields and the consent to process the request (a checkbox that must be ticked). */
export const serviceRequestFormSchema = z.object({
  ...serviceRequestFields,
  consent: z.literal(true, 'errors.serviceConsentRequired'),
})
export type ServiceRequestForm = z.output<typeof serviceRequestFormSchema>

/** A request posted by a sending system (POST /integrations/v1/service-requests); idempotent by its `id`. */
export const serviceRequestPostSchema = z.object({
  id: z.string('errors.required').trim().min(1, 'errors.required').max(100, 'errors.tooLong').regex(/^[\x21-\x7e]+$/, 'errors.invalid'),
  ...serviceRequestFields,
  consent: z.object({ given: z.literal(true, 'errors.serviceConsentRequired') }).strict(),
}).strict()
export type ServiceRequestPost = z.output<typeof serviceRequestPostSchema>

/** A case number as the app gives them (S-2026-7KQ3M-0001; the server's own: S-2026-INBOX-0001), found in a text. */
const CASE_NUMBER = /\bS-\d{4}-[0-9A-Z]{5}-\d{4,6}\b/
export function caseNumberIn(text: string): string | null {
  return CASE_NUMBER.exec(text)?.[0] ?? null
}

/** "Kundennummer: K-1001", "Kd.-Nr. 4711", "customer number 4711": the number named in a mail's subject or text. */
const CUSTOMER_NUMBER = /\b(?:kundennummer|kunden-?nr\.?|kd\.?-?nr\.?|customer (?:number|no\.?)|customer-no\.?)\s*[:#]?\s*([A-Za-z0-9][A-Za-z0-9./-]{0,38}[A-Za-z0-9]|[A-Za-z0-9])/i
export function customerNumberIn(text: string): string | null {
  return CUSTOMER_NUMBER.exec(text)?.[1] ?? null
}

/** Triage on the laptop: turn a request into a case of a customer, or discard it with a reason. */
export const serviceRequestAssignSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'errors.invalid'),
  companyId: z.string('errors.required').min(1, 'errors.required').regex(/^[0-9a-f-]{36}$/, 'errors.invalid'),
  contactId: z.string().regex(/^[0-9a-f-]{36}$|^$/, 'errors.invalid').default(''),
})
export const serviceRequestDiscardSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'errors.invalid'),
  reason: z.enum(SERVICE_REQUEST_DISCARD_REASONS, 'errors.invalidChoice'),
})

export interface ServiceRequestItem {
  id: string
  source: ServiceRequestSource
  name: string
  email: string
  customerNumber: string
  subject: string
  description: string
  receivedAt: string
  reason: TriageReason
}
