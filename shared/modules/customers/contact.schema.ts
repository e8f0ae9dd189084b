// Contact (Ansprechpartner) input and list-query schemas, shared by the contact form and handlers.
import { z } from 'zod'
import { emailSchema, idSchema, requiredIdSchema, optionalEnum, optionalIdSchema, pagingSchema, phoneSchema, requiredText, sortDirSchema, text } from '../../platform/common.schema'
import { ATTITUDES, BUYING_ROLES, INFLUENCE_LEVELS, LANGUAGES, SALUTATIONS } from './customer.enums'
import { exportFormatSchema } from '../../platform/export-file'

export const contactFieldsSchema = z.object({
  companyId: requiredIdSchema,
  // Required, no default: a contact is never silently "Frau"; 'none' greets by full name.
  salutation: z.enum(SALUTATIONS, 'errors.salutationRequired'),
  title: text(40),
  firstName: text(100),
  lastName: requiredText(100),
  jobFunction: text(100),
  email: emailSchema,
  phone: phoneSchema,
  mobile: phoneSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice'),
  buyingRole: optionalEnum(BUYING_ROLES),
  attitude: optionalEnum(ATTITUDES),
  influence: optionalEnum(INFLUENCE_LEVELS),
  worries: text(2000),
  goals: text(2000),
  personaId: optionalIdSchema,
  notes: text(5000),
})
export type ContactFields = z.output<typeof contactFieldsSchema>
export type ContactFieldsInput = z.input<typeof contactFieldsSchema>

export const contactCreateSchema = contactFieldsSchema
export const contactUpdateSchema = contactFieldsSchema.extend({ id: idSchema })

export const CONTACT_SORT_FIELDS = ['lastName', 'companyName', 'buyingRole', 'updatedAt'] as const
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number]

export const contactListQuerySchema = z.object({
  search: text(100),
  companyId: optionalIdSchema,
  buyingRole: optionalEnum(BUYING_ROLES),
  attitude: optionalEnum(ATTITUDES),
  sort: z.enum(CONTACT_SORT_FIELDS).default('lastName'),
  dir: sortDirSchema.default('asc'),
  ...pagingSchema,
})
export type ContactListQuery = z.input<typeof contactListQuerySchema>

/** The contact list as a file: the list's search, filters and sort, every matching row (no paging). */
export const contactExportSchema = contactListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
export type ContactExportQuery = z.input<typeof contactExportSchema>

/** Contacts as one vCard 4 file: one contact (`id`), or else every contact the list's query matches. */
export const contactVcardSchema = contactListQuerySchema.omit({ offset: true, limit: true }).extend({ id: optionalIdSchema })
export type ContactVcardQuery = z.input<typeof contactVcardSchema>
