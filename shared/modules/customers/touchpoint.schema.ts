// Touchpoint (Kontaktpunkt) input and list-query schemas.
import { z } from 'zod'
import { daySchema, idSchema, requiredIdSchema, instantSchema, optionalEnum, optionalIdSchema, pagingSchema, requiredText, sortDirSchema, text } from '../../platform/common.schema'
import { STATIONS } from './journey.stations'
import { DIRECTIONS, LANGUAGES, TOUCHPOINT_CHANNELS, TOUCHPOINT_MODES } from './customer.enums'
import { exportFormatSchema } from '../../platform/export-file'

export const touchpointFieldsSchema = z.object({
  companyId: requiredIdSchema,
  contactId: optionalIdSchema,
  occurredAt: instantSchema,
  channel: z.enum(TOUCHPOINT_CHANNELS, 'errors.invalidChoice'),
  direction: z.enum(DIRECTIONS, 'errors.invalidChoice'),
  mode: z.enum(TOUCHPOINT_MODES, 'errors.invalidChoice'),
  station: z.enum(STATIONS, 'errors.invalidChoice'),
  summary: requiredText(4000),
})
export type TouchpointFields = z.output<typeof touchpointFieldsSchema>
export type TouchpointFieldsInput = z.input<typeof touchpointFieldsSchema>

export const touchpointCreateSchema = touchpointFieldsSchema

export const TOUCHPOINT_SORT_FIELDS = ['occurredAt', 'companyName', 'channel', 'station'] as const
export type TouchpointSortField = (typeof TOUCHPOINT_SORT_FIELDS)[number]

export const touchpointListQuerySchema = z.object({
  search: text(100),
  companyId: optionalIdSchema,
  channel: optionalEnum(TOUCHPOINT_CHANNELS),
  station: optionalEnum(STATIONS),
  from: z.union([daySchema, z.literal('')]).default(''),
  to: z.union([daySchema, z.literal('')]).default(''),
  sort: z.enum(TOUCHPOINT_SORT_FIELDS).default('occurredAt'),
  dir: sortDirSchema.default('desc'),
  ...pagingSchema,
})
export type TouchpointListQuery = z.input<typeof touchpointListQuerySchema>

/** All touchpoints as a file: the list's search, filters and sort, every matching row (no paging). */
export const touchpointExportSchema = touchpointListQuerySchema.omit({ offset: true, limit: true }).extend({
  format: exportFormatSchema,
  language: z.enum(LANGUAGES, 'errors.invalidChoice').default('de'),
})
export type TouchpointExportQuery = z.input<typeof touchpointExportSchema>

export const timelineQuerySchema = z.object({
  companyId: idSchema,
  ...pagingSchema,
})
