// Import of companies and contacts from CSV or Excel: what the renderer sends at each step (the file in
// chunks, the column mapping, the matching key, "go", "stop") and what main answers (the columns, the
// suggested mapping, the dry run's plan, the running import's progress). Mapping keys are the fields below;
// a saved mapping names the file's columns by their header, so it fits the next export of the same system.
import { z } from 'zod'
import { requiredText, text } from '../../platform/common.schema'

export const IMPORT_TARGETS = ['companies', 'contacts'] as const
export type ImportTarget = (typeof IMPORT_TARGETS)[number]

export const COMPANY_IMPORT_FIELDS = ['customerNumber', 'name', 'street', 'postalCode', 'city', 'federalState', 'industry', 'segment', 'status', 'leadSource', 'notes'] as const
export const CONTACT_IMPORT_FIELDS = [
  'companyCustomerNumber', 'companyName', 'salutation', 'title', 'firstName', 'lastName', 'jobFunction', 'email', 'phone', 'mobile', 'language', 'buyingRole', 'notes',
] as const
export const IMPORT_FIELDS = { companies: COMPANY_IMPORT_FIELDS, contacts: CONTACT_IMPORT_FIELDS } as const
export type ImportField = (typeof COMPANY_IMPORT_FIELDS)[number] | (typeof CONTACT_IMPORT_FIELDS)[number]
const ALL_FIELDS = [...new Set<ImportField>([...COMPANY_IMPORT_FIELDS, ...CONTACT_IMPORT_FIELDS])] as [ImportField, ...ImportField[]]

/** How an imported row finds the record it updates. Companies without a number are matched by name. */
export const IMPORT_MATCH_KEYS = { companies: ['customerNumber', 'name'], contacts: ['email', 'name'] } as const
export type ImportMatchKey = 'customerNumber' | 'name' | 'email'

/** Fields a mapping must name; contacts need one of the company columns too (`IMPORT_COMPANY_REFERENCE`). */
export const IMPORT_REQUIRED = { companies: ['name'], contacts: ['lastName'] } as const satisfies Record<ImportTarget, readonly ImportField[]>
export const IMPORT_COMPANY_REFERENCE = ['companyCustomerNumber', 'companyName'] as const

/** One chunk of the file travels per request, well below web mode's body limit (1 MB). */
export const IMPORT_CHUNK_BYTES = 512 * 1024
/** The same limit main enforces (`MAX_IMPORT_BYTES`): the renderer refuses a larger file before uploading. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024
/** Problems listed in a plan; the count says how many there are in all. */
export const MAX_LISTED_PROBLEMS = 500

const importIdSchema = z.uuid('errors.invalid')
const targetSchema = z.enum(IMPORT_TARGETS, 'errors.invalidChoice')
const matchBySchema = z.enum(['customerNumber', 'name', 'email'], 'errors.invalidChoice')
/** Field → column index in the file (null: not imported). */
export const importMappingSchema = z.partialRecord(z.enum(ALL_FIELDS, 'errors.invalidChoice'), z.number().int().min(0).max(199).nullable())
export type ImportMapping = z.output<typeof importMappingSchema>

export const importUploadSchema = z.object({
  importId: importIdSchema,
  target: targetSchema,
  /** The whole file's size, so an oversized file is refused at its first chunk. */
  size: z.number().int().min(1, 'errors.importEmpty').max(MAX_IMPORT_FILE_BYTES, 'errors.importTooLarge'),
  offset: z.number().int().min(0),
  base64: z.string().min(1, 'errors.importEmpty').max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4 + 4, 'errors.importTooLarge'),
})
export type ImportUploadInput = z.output<typeof importUploadSchema>

export const importAnalyseSchema = z.object({
  importId: importIdSchema,
  /** Left out on the first look: main suggests one (a saved mapping that fits, else from the header names). */
  mapping: importMappingSchema.optional(),
  matchBy: matchBySchema.optional(),
})
export type ImportAnalyseInput = z.output<typeof importAnalyseSchema>

export const importRunSchema = z.object({ importId: importIdSchema, mapping: importMappingSchema, matchBy: matchBySchema })
export type ImportRunInput = z.output<typeof importRunSchema>
export const importIdOnlySchema = z.object({ importId: importIdSchema })

export const savedMappingSchema = z.object({
  target: targetSchema,
  name: requiredText(60),
  /** Field → the header of its column. */
  columns: z.partialRecord(z.enum(ALL_FIELDS, 'errors.invalidChoice'), text(200)),
  matchBy: matchBySchema,
})
export type SavedMapping = z.output<typeof savedMappingSchema>
/** A mapping as a saved one keeps it: field → the header of its column. */
export const mappingByHeader = (mapping: ImportMapping, header: string[]): SavedMapping['columns'] =>
  Object.fromEntries(Object.entries(mapping).flatMap(([field, column]) => (column !== null && column !== undefined && header[column] !== undefined ? [[field, header[column]]] : [])))

export const savedMappingDeleteSchema = z.object({ target: targetSchema, name: requiredText(60) })

export interface ImportProblem {
  /** The line (CSV record, Excel row) as the user's program shows it; the header is line 1. */
  line: number
  field: ImportField | 'row'
  /** An i18n key. */
  key: string
  /** The cell as read (shortened), so the user finds it. */
  value: string
}

export interface ImportPlan {
  created: number
  updated: number
  skipped: number
  problems: ImportProblem[]
  problemCount: number
}

export interface ImportAnalysis {
  importId: string
  target: ImportTarget
  format: 'csv' | 'xlsx'
  encoding: 'utf-8' | 'windows-1252' | null
  delimiter: string | null
  columns: string[]
  rows: number
  mapping: ImportMapping
  matchBy: ImportMatchKey
  /** Required fields the mapping leaves out: nothing can be imported until they are mapped. */
  missing: ImportField[]
  savedMappings: SavedMapping[]
  /** The saved mapping that was applied to this file, if one fitted its columns. */
  appliedMapping: string | null
  plan: ImportPlan
}

export interface ImportProgress {
  state: 'running' | 'done' | 'cancelled' | 'failed'
  total: number
  processed: number
  created: number
  updated: number
  skipped: number
  problems: ImportProblem[]
  problemCount: number
  /** An i18n key when the import failed. */
  error: string | null
}
