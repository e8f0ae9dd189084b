// Reading an ERP file's rows into facts: which column is which (by its header, German or English), each cell
// read as a German user and Excel write it, each row checked with the schema the server's endpoint uses too.
// Pure: the companies are looked up by the caller and handed in as a map of customer numbers.
import { foldGerman } from '../../../../shared/modules/customers'
import {
  ERP_IMPORT_FIELDS, ERP_REQUIRED_FIELDS, erpFactInputSchema, type ErpImportField, type ErpImportProblem,
} from '../../../../shared/modules/erp/erp.schema'
import { parseErpMonth } from '../../../../shared/modules/erp/erp-month'
import { parseDecimalInput, parseMoneyInput } from '../../../../shared/platform/money'
import type { ReadTable } from '../../platform/imports/table-read'

const fold = (header: string): string => foldGerman(header).replace(/[^a-z0-9]/g, '')

/** Header names each column is found by, folded (lower case, umlauts spelled out, only letters and digits). */
const HEADER_NAMES: Record<ErpImportField, readonly string[]> = {
  customerNumber: ['kundennummer', 'kundennr', 'kdnr', 'debitor', 'debitorennummer', 'debitornr', 'customernumber', 'customerno', 'customer'],
  month: ['monat', 'periode', 'buchungsmonat', 'month', 'period'],
  revenue: ['umsatz', 'umsatzeur', 'umsatznetto', 'nettoumsatz', 'revenue', 'revenueeur', 'netrevenue', 'sales'],
  openItems: ['offeneposten', 'op', 'openitems', 'opsumme', 'offeneposteneur', 'openitemseur', 'outstanding'],
  daysOverdue: ['tageueberfaellig', 'ueberfaelligtage', 'verzugstage', 'ueberfaellig', 'daysoverdue', 'overduedays'],
}

export type ErpColumns = Partial<Record<ErpImportField, number>>

/** Each field's column: the first column whose folded header is one of its names. */
export function findErpColumns(header: readonly string[]): { columns: ErpColumns; missing: ErpImportField[] } {
  const folded = header.map(fold)
  const columns: ErpColumns = {}
  for (const field of ERP_IMPORT_FIELDS) {
    const index = folded.findIndex((h) => HEADER_NAMES[field].includes(h))
    if (index >= 0) columns[field] = index
  }
  return { columns, missing: ERP_REQUIRED_FIELDS.filter((f) => columns[f] === undefined) }
}

/** Whom a customer number names, as compared: trimmed, case aside (as the sync server compares numbers). */
export const numberKey = (value: string): string => value.normalize('NFC').trim().toUpperCase()

export interface ReadFact {
  line: number
  companyId: string
  customerNumber: string
  month: string
  revenueCents: number
  openItemsCents: number
  daysOverdue: number
}

const SCHEMA_FIELD: Record<string, ErpImportField> = {
  customerNumber: 'customerNumber', month: 'month', revenueCents: 'revenue', openItemsCents: 'openItems', daysOverdue: 'daysOverdue',
}

/** An amount cell: German "1.234,56", plain "1250,50" or "1250.50", with or without €; '' when empty; NaN when unreadable. */
function cents(text: string): number {
  if (text.trim() === '') return 0
  return parseMoneyInput(text, 'de') ?? Number.NaN
}

function days(text: string): number {
  if (text.trim() === '') return 0
  return parseDecimalInput(text, 'de', 0) ?? Number.NaN
}

/**
 * Every row read into a fact or reported: an unreadable or negative amount, a month that is none, a customer
 * number no company holds (former numbers of merged companies find the survivor), the same customer and month
 * twice in the file (both lines named).
 */
export function readErpRows(table: ReadTable, columns: ErpColumns, companies: ReadonlyMap<string, string>): { facts: ReadFact[]; problems: ErpImportProblem[] } {
  const facts: ReadFact[] = []
  const problems: ErpImportProblem[] = []
  const seen = new Map<string, number>()
  const cell = (cells: string[], field: ErpImportField) => (columns[field] === undefined ? '' : (cells[columns[field]] ?? '').trim())
  for (const { line, cells } of table.rows) {
    const before = problems.length
    const report = (field: ErpImportField, key: string) => problems.push({ line, field, key, value: cell(cells, field) })
    const monthText = cell(cells, 'month')
    const month = parseErpMonth(monthText)
    const revenue = cents(cell(cells, 'revenue'))
    const openItems = cents(cell(cells, 'openItems'))
    const overdue = days(cell(cells, 'daysOverdue'))
    if (Number.isNaN(revenue)) report('revenue', 'errors.erpAmount')
    if (Number.isNaN(openItems)) report('openItems', 'errors.erpAmount')
    if (Number.isNaN(overdue)) report('daysOverdue', 'errors.erpDays')
    if (cell(cells, 'revenue') === '') report('revenue', 'errors.required')
    if (monthText !== '' && month === null) report('month', 'errors.erpMonth')
    const parsed = erpFactInputSchema.safeParse({
      customerNumber: cell(cells, 'customerNumber'), month: month ?? monthText,
      revenueCents: revenue, openItemsCents: openItems, daysOverdue: overdue,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = SCHEMA_FIELD[String(issue.path[0])] ?? 'customerNumber'
        // An unreadable cell is reported once, by what could not be read.
        if (!problems.slice(before).some((p) => p.field === field)) report(field, issue.message)
      }
    }
    // A number no company holds is reported whatever else is wrong with the row.
    const number = cell(cells, 'customerNumber')
    const companyId = number ? companies.get(numberKey(number)) : undefined
    if (number && !companyId) report('customerNumber', 'errors.erpUnknownCustomer')
    if (problems.length > before || !parsed.success || !companyId) continue
    const key = `${companyId}:${parsed.data.month}`
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({ line, field: 'month', key: 'errors.erpDuplicateMonth', value: `${monthText} (${first})` })
      continue
    }
    seen.set(key, line)
    facts.push({ line, companyId, ...parsed.data })
  }
  return { facts, problems }
}
