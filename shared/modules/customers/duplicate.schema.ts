// The duplicate list, the check while a company is typed, "kein Duplikat" and the merge of two companies:
// what the renderer sends and what main answers. Reasons are data keys (duplicate.rules.ts), never sentences.
import { z } from 'zod'
import { idSchema, optionalIdSchema, text } from '../../platform/common.schema'
import type { CompanyStatus } from './customer.enums'
import type { DuplicateReason } from './duplicate.rules'

export const DUPLICATE_KINDS = ['companies', 'contacts'] as const
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number]
/** Pairs listed at most; the count says how many there are. */
export const MAX_LISTED_DUPLICATES = 300

export const duplicateListSchema = z.object({ kind: z.enum(DUPLICATE_KINDS, 'errors.invalidChoice') })
export const duplicateCheckSchema = z.object({
  name: text(200),
  customerNumber: text(40),
  postalCode: text(20),
  city: text(100),
  /** The company being edited, which is no duplicate of itself. */
  exceptId: optionalIdSchema,
})
export type DuplicateCheckInput = z.output<typeof duplicateCheckSchema>
export const contactDuplicateCheckSchema = z.object({
  companyId: optionalIdSchema,
  firstName: text(100),
  lastName: text(100),
  email: text(254),
  phone: text(40),
  mobile: text(40),
  /** The contact being edited, which is no duplicate of itself. */
  exceptId: optionalIdSchema,
})
export type ContactDuplicateCheckInput = z.output<typeof contactDuplicateCheckSchema>
export const duplicateDismissSchema = z.object({ kind: z.enum(DUPLICATE_KINDS, 'errors.invalidChoice'), aId: idSchema, bId: idSchema })

/** The fields of a company the merge takes from one of the two, field by field. */
export const COMPANY_MERGE_FIELDS = ['name', 'customerNumber', 'street', 'postalCode', 'city', 'federalState', 'industry', 'segment', 'status', 'ownerId', 'leadSource', 'notes'] as const
export type CompanyMergeField = (typeof COMPANY_MERGE_FIELDS)[number]

export const companyMergeSchema = z.object({
  survivorId: idSchema,
  loserId: idSchema,
  /** Fields taken from the company merged away; every other field keeps the survivor's value. */
  take: z.partialRecord(z.enum(COMPANY_MERGE_FIELDS, 'errors.invalidChoice'), z.enum(['survivor', 'loser'], 'errors.invalidChoice')).default({}),
})
export type CompanyMergeInput = z.output<typeof companyMergeSchema>

export interface DuplicateCompany {
  id: string
  name: string
  customerNumber: string
  formerNumbers: string
  street: string
  postalCode: string
  city: string
  federalState: string
  industry: string
  segment: string
  status: CompanyStatus
  ownerId: string
  ownerName: string
  leadSource: string
  notes: string
  contacts: number
  offers: number
  updatedAt: string
}

export interface DuplicateContact {
  id: string
  companyId: string
  companyName: string
  firstName: string
  lastName: string
  email: string
  phone: string
  mobile: string
}

export interface DuplicatePairView<T> {
  a: T
  b: T
  score: number
  reasons: DuplicateReason[]
}

/** A contact the one being typed may duplicate. */
export interface ContactDuplicateCandidate {
  contact: DuplicateContact
  score: number
  reasons: DuplicateReason[]
}

/** A company the one being typed may duplicate. */
export interface DuplicateCandidate {
  company: DuplicateCompany
  score: number
  reasons: DuplicateReason[]
}

export interface DuplicateList<T> {
  pairs: Array<DuplicatePairView<T>>
  total: number
}

/** What the merge moved to the survivor, by table, for the confirmation. */
export interface CompanyMergeResult {
  survivorId: string
  moved: Record<string, number>
}
