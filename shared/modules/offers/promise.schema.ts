// Promises to a customer (issue 15): next steps agreed in a pre-offer conversation or a visit, with a due date.
import { z } from 'zod'
import { daySchema, idSchema, optionalIdSchema, requiredIdSchema, requiredText } from '../../platform/common.schema'
import type { PromiseStatus } from './offer.enums'

export const promiseFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  conversationId: optionalIdSchema,
  offerId: optionalIdSchema,
  title: requiredText(500),
  dueDate: daySchema,
  /** Whose work list it is on; empty: the current user. */
  ownerId: optionalIdSchema,
}).strict()
export const promiseUpdateSchema = promiseFieldsSchema.extend({ id: idSchema }).strict()
export const promiseListSchema = z.object({
  companyId: idSchema.optional(),
  conversationId: idSchema.optional(),
  status: z.enum(['open', 'all']).default('all'),
}).strict()
export const promiseIdSchema = z.object({ id: idSchema }).strict()
export type PromiseFields = z.output<typeof promiseFieldsSchema>
export type PromiseListQuery = z.output<typeof promiseListSchema>
export const conversationConfirmationSchema = z.object({ id: idSchema, format: z.enum(['docx', 'pdf']).default('pdf') }).strict()

export interface CustomerPromise {
  id: string
  companyId: string
  companyName: string
  contactId: string
  /** The contact's name while the contact exists ('' for none). */
  contactName: string
  conversationId: string
  offerId: string
  title: string
  dueDate: string
  ownerId: string
  ownerName: string
  status: PromiseStatus
  doneAt: string | null
  /** Set when the promise was changed after it was made: the customer should hear of it. */
  changedAt: string | null
  createdAt: string
}

// The promise's work-list entry and its timeline and work-list messages travel with its schema through the
// module's entry.
export * from './promise.types'
export * from './promise.events'
