// Writes a list as a file: CSV for German Excel and Calc (UTF-8 with BOM, semicolons, German decimals;
// papaparse quotes) or XLSX (exceljs: amounts as numbers with a € format, dates as dates, text always as
// text, never a formula). Each module builds its table (headers in the reader's language, one row per
// list row); this file knows no module.
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AppError } from '../../../../shared/platform/result'
import { MAX_EXPORT_ROWS, type ExportFile, type ExportFormat } from '../../../../shared/platform/export-file'
import { safeNamePart } from '../documents/document-files'
import { csvCell, escapeCsvText, type ExportKind, type ExportValue } from './export-cells'

export interface ExportColumn {
  header: string
  kind: ExportKind
  /** Column width in characters in the XLSX. */
  width?: number
}

export interface ExportTable {
  /** The worksheet's name (and the file name's first part). */
  title: string
  columns: ExportColumn[]
  rows: ExportValue[][]
}

/** The app's languages (the platform knows them without the customers module that lists them). */
type Language = 'de' | 'en'

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Refuses an export of more rows than MAX_EXPORT_ROWS before any row is read. */
export function checkExportSize(total: number): void {
  if (total > MAX_EXPORT_ROWS) throw new AppError('validation', 'errors.exportTooLarge')
}

/** Every row of a paged list query (asked for its count first), refused above MAX_EXPORT_ROWS before any row is read. */
export async function allRows<R>(page: (limit: number) => Promise<{ total: number; rows: R[] }>): Promise<R[]> {
  const { total } = await page(0)
  checkExportSize(total)
  return total === 0 ? [] : (await page(total)).rows
}

export function toCsv(table: ExportTable): Buffer {
  const text = Papa.unparse(
    {
      fields: table.columns.map((c) => escapeCsvText(c.header)),
      data: table.rows.map((row) => table.columns.map((c, i) => csvCell(c.kind, row[i] ?? null))),
    },
    { delimiter: ';', newline: '\r\n' },
  )
  // The byte order mark tells Excel the file is UTF-8 (without it, umlauts arrive as "Ã¤").
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8')
}

const NUMBER_FORMATS: Record<Language, Partial<Record<ExportKind, string>>> = {
  de: { cents: '#,##0.00 "€"', date: 'dd.mm.yyyy', integer: '0' },
  en: { cents: '"€"#,##0.00', date: 'dd/mm/yyyy', integer: '0' },
}

function xlsxValue(kind: ExportKind, value: ExportValue): ExcelJS.CellValue {
  if (value === null || value === '') return null
  switch (kind) {
    // A string cell is never evaluated, whatever it starts with.
    case 'text': return String(value)
    case 'cents': return Number(value) / 100
    case 'integer': return Number(value)
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number)
      return new Date(Date.UTC(y!, m! - 1, d!))
    }
  }
}

export async function toXlsx(table: ExportTable, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Kundenreise'
  // Worksheet names: at most 31 characters, none of []:*?/\.
  const sheet = workbook.addWorksheet(table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? 16, style: { numFmt: NUMBER_FORMATS[language][c.kind] } }))
  const header = sheet.addRow(table.columns.map((c) => c.header))
  header.font = { bold: true }
  for (const row of table.rows) sheet.addRow(table.columns.map((c, i) => xlsxValue(c.kind, row[i] ?? null)))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The table as a file named "<title>-<today>.<ext>" (safe characters only). */
export async function exportFile(table: ExportTable, options: { format: ExportFormat; language: Language; today: string }): Promise<ExportFile> {
  const data = options.format === 'csv' ? toCsv(table) : await toXlsx(table, options.language)
  return {
    fileName: `${safeNamePart(table.title) || 'Export'}-${options.today}.${options.format}`,
    base64: data.toString('base64'),
    mimeType: MIME[options.format],
    rows: table.rows.length,
  }
}

/** A list column with how each row fills it: header, kind and value stay together, so they cannot drift apart. */
export interface ListColumn<R> extends ExportColumn {
  value: (row: R) => ExportValue
}

/** A paged list query exported whole (see allRows) as one table: what every list export does. */
export async function exportList<R>(
  list: { title: string; columns: ListColumn<R>[]; page: (limit: number) => Promise<{ total: number; rows: R[] }> },
  options: { format: ExportFormat; language: Language; today: string },
): Promise<ExportFile> {
  const rows = await allRows(list.page)
  const table: ExportTable = {
    title: list.title,
    columns: list.columns.map(({ value: _value, ...column }) => column),
    rows: rows.map((row) => list.columns.map((column) => column.value(row))),
  }
  return exportFile(table, options)
}
