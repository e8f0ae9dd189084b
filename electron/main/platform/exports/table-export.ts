// Writes a list as a file: CSV for German Excel and Calc (UTF-8 with BOM, semicolons, German decimals;
// papaparse quotes) or XLSX (exceljs: amounts as numbers with a € format, dates as dates, text always as
// text, never a formula). Each module builds its table (headers in the reader's language, one row per
// list row); a report hands in several tables (one worksheet each, or titled blocks in one CSV). This
// file knows no module.
import type ExcelJS from 'exceljs'
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

export interface ExportOptions {
  format: ExportFormat
  language: Language
  /** The Berlin day, for the file name. */
  today: string
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Refuses an export of more rows than MAX_EXPORT_ROWS before any row is read. */
export function checkExportSize(total: number): void {
  if (total > MAX_EXPORT_ROWS) throw new AppError('validation', 'errors.exportTooLarge')
}

/**
 * A paged list query for an export: `limit` rows from the first, counted up to `countAhead` rows past them (lists
 * count only so far, db/platform/capped-count).
 */
export type ListPage<R> = (limit: number, countAhead: number) => Promise<{ total: number; totalIsLowerBound?: boolean; rows: R[] }>

/** Every row of a paged list query (asked for its count first), refused above MAX_EXPORT_ROWS before any row is read. */
export async function allRows<R>(page: ListPage<R>): Promise<R[]> {
  const { total, totalIsLowerBound } = await page(0, MAX_EXPORT_ROWS)
  checkExportSize(totalIsLowerBound ? total + 1 : total)
  return total === 0 ? [] : (await page(total, 0)).rows
}

/** A table's header and rows as CSV lines (no byte order mark, no final line break). */
function csvText(table: Pick<ExportTable, 'columns' | 'rows'>): string {
  return Papa.unparse(
    {
      // A share is written as percentage points ("43,5"); the header says so, as the cell cannot.
      fields: table.columns.map((c) => escapeCsvText(c.kind === 'percent' ? `${c.header} in %` : c.header)),
      data: table.rows.map((row) => table.columns.map((c, i) => csvCell(c.kind, row[i] ?? null))),
    },
    { delimiter: ';', newline: '\r\n' },
  )
}

// The byte order mark tells Excel the file is UTF-8 (without it, umlauts arrive as "Ã¤").
const withBom = (text: string): Buffer => Buffer.from(`\uFEFF${text}\r\n`, 'utf8')

export function toCsv(table: ExportTable): Buffer {
  return withBom(csvText(table))
}

const NUMBER_FORMATS: Record<Language, Partial<Record<ExportKind, string>>> = {
  de: { cents: '#,##0.00 "€"', date: 'dd.mm.yyyy', integer: '0', decimal: '0.0', percent: '0.0 %' },
  en: { cents: '"€"#,##0.00', date: 'dd/mm/yyyy', integer: '0', decimal: '0.0', percent: '0.0%' },
}

function xlsxValue(kind: ExportKind, value: ExportValue): ExcelJS.CellValue {
  if (value === null || value === '') return null
  switch (kind) {
    // A string cell is never evaluated, whatever it starts with.
    case 'text': return String(value)
    case 'cents': return Number(value) / 100
    case 'integer':
    case 'decimal':
    case 'percent': return Number(value)
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number)
      return new Date(Date.UTC(y!, m! - 1, d!))
    }
  }
}

/** Worksheet names: at most 31 characters, none of []:*?/\, unique in the workbook (Excel refuses the others). */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Export'
  let name = base
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`
  taken.add(name.toLowerCase())
  return name
}

function addSheet(workbook: ExcelJS.Workbook, table: ExportTable, language: Language, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? 16, style: { numFmt: NUMBER_FORMATS[language][c.kind] } }))
  const header = sheet.addRow(table.columns.map((c) => c.header))
  header.font = { bold: true }
  for (const row of table.rows) sheet.addRow(table.columns.map((c, i) => xlsxValue(c.kind, row[i] ?? null)))
}

async function toWorkbook(tables: ExportTable[], language: Language): Promise<Buffer> {
  // Loaded on the first export, not at start (exceljs alone takes a few hundred ms to load).
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  workbook.creator = 'Kundenreise'
  const taken = new Set<string>()
  for (const table of tables) addSheet(workbook, table, language, taken)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function toXlsx(table: ExportTable, language: Language): Promise<Buffer> {
  return toWorkbook([table], language)
}

/** A report: several tables under one title (by period, by owner, lost reasons …). */
export interface ExportReport {
  /** The file name's first part. */
  title: string
  /** Each becomes a worksheet in the XLSX and a titled block in the CSV. */
  sections: ExportTable[]
}

/**
 * A report as one CSV: the sections one after another, each introduced by a line with its title and
 * separated by an empty line; the cells as in `toCsv` (BOM, semicolons, German decimals, escaped text).
 */
export function reportCsv(report: ExportReport): Buffer {
  return withBom(report.sections.map((s) => `${Papa.unparse([[escapeCsvText(s.title)]], { delimiter: ';' })}\r\n${csvText(s)}`).join('\r\n\r\n'))
}

const fileOf = (title: string, data: Buffer, rows: number, options: { format: ExportFormat; today: string }): ExportFile => ({
  fileName: `${safeNamePart(title) || 'Export'}-${options.today}.${options.format}`,
  base64: data.toString('base64'),
  mimeType: MIME[options.format],
  rows,
})

/** The table as a file named "<title>-<today>.<ext>" (safe characters only). */
export async function exportFile(table: ExportTable, options: ExportOptions): Promise<ExportFile> {
  return fileOf(table.title, options.format === 'csv' ? toCsv(table) : await toXlsx(table, options.language), table.rows.length, options)
}

/** A report as a file named "<title>-<today>.<ext>"; its rows are those of all sections. */
export async function exportTables(report: ExportReport, options: ExportOptions): Promise<ExportFile> {
  const data = options.format === 'csv' ? reportCsv(report) : await toWorkbook(report.sections, options.language)
  return fileOf(report.title, data, report.sections.reduce((sum, s) => sum + s.rows.length, 0), options)
}

/** A list column with how each row fills it: header, kind and value stay together, so they cannot drift apart. */
export interface ListColumn<R> extends ExportColumn {
  value: (row: R) => ExportValue
}

/** A table from rows and the columns that say how each row fills them: a list export's table, or one section of a report. */
export function tableOf<R>(title: string, columns: ListColumn<R>[], rows: R[]): ExportTable {
  return {
    title,
    columns: columns.map(({ value: _value, ...column }) => column),
    rows: rows.map((row) => columns.map((column) => column.value(row))),
  }
}

/** A paged list query exported whole (see allRows) as one table: what every list export does. */
export async function exportList<R>(
  list: { title: string; columns: ListColumn<R>[]; page: ListPage<R> },
  options: ExportOptions,
): Promise<ExportFile> {
  return exportFile(tableOf(list.title, list.columns, await allRows(list.page)), options)
}
