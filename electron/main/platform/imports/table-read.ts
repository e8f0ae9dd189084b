// Reads an uploaded table — CSV in whatever encoding and separator German spreadsheets write, or an Excel
// .xlsx — into a header and rows of text cells, for any import. papaparse reads the CSV, exceljs the
// workbook; our own code decides only policy: which encoding (strict UTF-8, else Windows-1252, as Excel's
// "CSV (Trennzeichen-getrennt)" saves it), what a cell of a typed Excel column reads as (a date as
// TT.MM.JJJJ, a formula as its last result, never the formula), and the limits that refuse a file as a
// whole before anything is planned. This file knows no module.
import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { AppError } from '../../../../shared/platform/result'

/** Larger files are refused (`errors.importTooLarge`); the renderer says so before uploading. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** More columns in a row are refused (`errors.importTooManyColumns`). */
export const MAX_IMPORT_COLUMNS = 200
/** More data rows are refused (`errors.importTooManyRows`). */
export const MAX_IMPORT_ROWS = 100_000

export interface ReadTable {
  format: 'csv' | 'xlsx'
  /** CSV only: how the bytes were decoded and which separator was found. */
  encoding: 'utf-8' | 'windows-1252' | null
  delimiter: string | null
  header: string[]
  /** Data rows with the line (CSV record number, Excel row number) the user sees in their program. */
  rows: Array<{ line: number; cells: string[] }>
}

const refuse = (key: string): never => {
  throw new AppError('validation', key)
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
const isOldExcel = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0

/** Reads the file; refuses one that is empty, too large, not a table, or has too many columns or rows. */
export async function readTable(bytes: Uint8Array): Promise<ReadTable> {
  if (bytes.length === 0) refuse('errors.importEmpty')
  if (bytes.length > MAX_IMPORT_BYTES) refuse('errors.importTooLarge')
  if (isOldExcel(bytes)) refuse('errors.importOldExcel')
  const table = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes)
  // A header without a letter or digit (only separators) is no header: the file holds nothing to import.
  if (table.header.every((h) => !/[\p{L}\p{N}]/u.test(h))) refuse('errors.importEmpty')
  const wide = [{ line: 1, cells: table.header }, ...table.rows].find((r) => r.cells.length > MAX_IMPORT_COLUMNS)
  if (wide) refuse('errors.importTooManyColumns')
  if (table.rows.length > MAX_IMPORT_ROWS) refuse('errors.importTooManyRows')
  return table
}

/** Strict UTF-8 first (a BOM or not); bytes that are not UTF-8 are Windows-1252, Excel's "CSV" on a German Windows. */
function decode(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' }
  }
}

function readCsv(bytes: Uint8Array): ReadTable {
  // A NUL byte never occurs in text a spreadsheet writes: a PDF, an image or a program was chosen.
  if (bytes.subarray(0, 8192).includes(0)) refuse('errors.importNotTable')
  const { text, encoding } = decode(bytes)
  const source = text.replace(/^\uFEFF/, '')
  // The separator is guessed on the rows with content (blank lines would make every guess look uneven) …
  const { delimiter } = Papa.parse<string[]>(source, { delimiter: '', delimitersToGuess: [';', '\t', ',', '|'], skipEmptyLines: 'greedy', preview: 200 }).meta
  // … and the file is read with blank lines kept, to count lines as Excel does.
  const parsed = Papa.parse<string[]>(source, { delimiter, skipEmptyLines: false, header: false })
  // Lines are counted before blank ones are dropped, so "Zeile 7" is the row Excel shows as 7.
  const records = parsed.data.map((cells, i) => ({ line: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [header = { line: 1, cells: [] }, ...rows] = records
  return { format: 'csv', encoding, delimiter: parsed.meta.delimiter, header: header.cells.map((h) => h.trim()), rows }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** What a typed Excel cell reads as: text as it is, a date as TT.MM.JJJJ, a number as German digits, a formula as its result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toLocaleString('de-DE', { useGrouping: false, maximumFractionDigits: 10 })
  if (typeof value === 'boolean') return value ? 'ja' : 'nein'
  // exceljs gives a date cell as the UTC instant of its calendar day.
  if (value instanceof Date) return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value && value.result !== undefined ? cellText(value.result as ExcelJS.CellValue) : ''
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue)
  return '' // an error cell (#DIV/0!) holds nothing to import
}

async function readXlsx(bytes: Uint8Array): Promise<ReadTable> {
  // Loaded on the first import, not at start (exceljs alone takes a few hundred ms to load).
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    refuse('errors.importNotTable')
  }
  // The first sheet that holds anything: Excel files often start with an empty or a cover sheet.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0)
  if (!sheet) return refuse('errors.importEmpty')
  if (sheet.actualColumnCount > MAX_IMPORT_COLUMNS) refuse('errors.importTooManyColumns')
  const records: Array<{ line: number; cells: string[] }> = []
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => { cells[column - 1] = cellText(cell.value).trim() })
    for (let i = 0; i < cells.length; i++) cells[i] ??= ''
    if (cells.some((c) => c !== '')) records.push({ line, cells })
  })
  const [header = { line: 1, cells: [] }, ...rows] = records
  return { format: 'xlsx', encoding: null, delimiter: null, header: header.cells, rows }
}
