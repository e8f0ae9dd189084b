// ERP facts (issue 17): the one row the app's import and the sync server's endpoint both take, the channels'
// inputs and what they answer.
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { MONTH_PATTERN } from './erp.enums'

/** Revenue and open items of one customer in one month: at most 10 billion euros, in cents (the row schema's limit). */
export const ERP_MAX_CENTS = 1_000_000_000_000
/** A hundred years: more days overdue is a typing error. */
export const ERP_MAX_DAYS_OVERDUE = 36_500

const cents = z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(ERP_MAX_CENTS, 'errors.tooLarge')

/**
 * One month of one customer as an ERP export posts it and an imported row reads: amounts in integer cents,
 * the month as "YYYY-MM". The server's endpoint validates every posted row with this schema; the import
 * validates each row it read with it too, so both refuse the same things.
 */
export const erpFactInputSchema = z.object({
  customerNumber: z.string('errors.required').trim().min(1, 'errors.required').max(64, 'errors.tooLong'),
  month: z.string('errors.erpMonth').regex(MONTH_PATTERN, 'errors.erpMonth'),
  revenueCents: cents,
  openItemsCents: cents.default(0),
  daysOverdue: z.number('errors.number').int('errors.integer').min(0, 'errors.notNegative').max(ERP_MAX_DAYS_OVERDUE, 'errors.tooLarge').default(0),
}).strict()
export type ErpFactInput = z.output<typeof erpFactInputSchema>

/** The largest file the import takes (10,000 rows are about 400 KB). */
export const ERP_IMPORT_MAX_BYTES = 5 * 1024 * 1024

export const erpImportFileSchema = z.object({
  fileName: z.string().max(260).default(''),
  base64: z.string().min(1, 'errors.importEmpty').max(Math.ceil(ERP_IMPORT_MAX_BYTES / 3) * 4 + 4, 'errors.erpFileTooLarge'),
}).strict()
export type ErpImportFile = z.input<typeof erpImportFileSchema>

export const erpCompanySchema = z.object({ companyId: idSchema }).strict()

/** The columns of an import, found by their headers. */
export const ERP_IMPORT_FIELDS = ['customerNumber', 'month', 'revenue', 'openItems', 'daysOverdue'] as const
export type ErpImportField = (typeof ERP_IMPORT_FIELDS)[number]
/** Columns a file must have; open items and days overdue may be left out (0). */
export const ERP_REQUIRED_FIELDS: readonly ErpImportField[] = ['customerNumber', 'month', 'revenue']

/** A bad row: its line as the spreadsheet shows it, the column, the error key and the value read. */
export interface ErpImportProblem {
  line: number
  field: ErpImportField
  key: string
  value: string
}

/** A row as the preview shows it. */
export interface ErpImportRow {
  line: number
  customerNumber: string
  companyName: string
  month: string
  revenueCents: number
  openItemsCents: number
  daysOverdue: number
  /** `new`: no figures for this month yet; `update`: other figures are replaced; `same`: nothing changes. */
  action: 'new' | 'update' | 'same'
}

export interface ErpImportPreview {
  format: 'csv' | 'xlsx'
  rows: number
  /** Columns the file lacks (nothing can be imported then). */
  missing: ErpImportField[]
  companies: number
  firstMonth: string | null
  lastMonth: string | null
  created: number
  updated: number
  unchanged: number
  /** The first rows, for the preview table. */
  sample: ErpImportRow[]
  problems: ErpImportProblem[]
  problemCount: number
  /** Rows with at least one problem. */
  badRows: number
}

export interface ErpImportResult {
  created: number
  updated: number
  unchanged: number
  companies: number
}

export interface ErpMonthFigures {
  month: string
  revenueCents: number
  openItemsCents: number
  daysOverdue: number
  source: 'import' | 'erp'
}

/** A company's ERP facts: the last 24 months up to the current one, and the latest open items. */
export interface CompanyErpFacts {
  firstMonth: string
  lastMonth: string
  months: ErpMonthFigures[]
  revenue12Cents: number
  revenuePrevious12Cents: number
  /** The newest month with figures: its open items and days overdue, or null without any facts. */
  latest: ErpMonthFigures | null
}
