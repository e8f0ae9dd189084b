// Company input and list-query schemas, used by the company form and the companies.* handlers alike.
import { z } from 'zod'
import { idSchema, optionalEnum, optionalIdSchema, pagingSchema, patternText, requiredText, sortDirSchema, text } from '../../platform/common.schema'
import { STATIONS } from './journey.stations'
import { COMPANY_STATUSES, FEDERAL_STATES, HEALTH_LIGHTS, LANGUAGES, LEAD_SOURCES, SEGMENTS } from './customer.enums'
import { exportFormatSchema } from '../../platform/export-file'

export const companyFieldsSchema = z.object({
  name: requiredText(200),
  customerNumber: patternText(20, /^[A-Za-z0-9-]*$/, 'errors.customerNumber'),
  street: text(200),
  postalCode: patternText(10, /^(\d{5})?$/, 'errors.postalCode'),
  city: text(100),
  federalState: optionalEnum(FEDERAL_STATES),
  industry: text(100),
  segment: optionalEnum(SEGMENTS),
  status: z.enum(COMPANY_STATUSES, 'errors.invalidChoice'),
  ownerId: optionalIdSchema,
  leadSource: optionalEnum(LEAD_SOURCES),
  notes: text(5000),
})
export type CompanyFields = z.output<typeof companyFieldsSchema>
export type CompanyFieldsInput = z.input<typeof companyFieldsSchema>

export const companyCreateSchema = companyFieldsSchema
/**
 * `statusLoaded`: the status the form showed when it was opened. The status counts as chosen by hand
 * only when the user changed it from that; otherwise an automatic move made meanwhile (an offer won on
 * this laptop, a colleague's change pulled) is kept instead of being overwritten by the stale form.
 */
export const companyUpdateSchema = companyFieldsSchema.extend({ id: idSchema, statusLoaded: z.enum(COMPANY_STATUSES, 'errors.invalidChoice').optional() })
export const byIdSchema = z.object({ id: idSchema })
/** Move a company to another team (managers and admins; the team from the server's list). */
export const companyMoveTeamSchema = z.object({ id: idSchema, teamId: z.string().trim().min(1, 'errors.required').max(64) })

/** `health`: by the health score, companies without one last in either direction (ascending: worst first). */
export const COMPANY_SORT_FIELDS = ['name', 'customerNumber', 'city', 'status', 'updatedAt', 'health'] as const
export type CompanySortField = (typeof COMPANY_SORT_FIELDS)[number]

export const companyListQuerySchema = z.object({
  search: text(100),
  status: optionalEnum(COMPANY_STATUSES),
  federalState: optionalEnum(FEDERAL_STATES),
  segment: optionalEnum(SEGMENTS),
  station: z.union([z.enum(STATIONS), z.literal('none'), z.literal('')]).default(''),
  ownerId: optionalIdSchema,
  /** Only companies whose health score has this light ("only red"). */
  health: optionalEnum(HEALTH_LIGHTS),
  sort: z.enum(COMPANY_SORT_FIELDS).default('name'),
  dir: sortDirSchema.default('asc'),
  ...pagingSchema,
})
export type CompanyListQuery = z.input<typeof companyListQuerySchema>

/** The company list as a file: the list's search, filters and sort, every matching row (no paging). */
export const companyExportSchema = companyListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
export type CompanyExportQuery = z.input<typeof companyExportSchema>
