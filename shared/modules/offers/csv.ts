// CSV as German spreadsheets write it: `;` or `,` separated, quoted fields, decimal commas.
import Papa from 'papaparse'
import { parseMoneyInput } from '../../platform/money'

/**
 * Parses CSV text with papaparse: quoted fields (with the separator, line breaks and doubled quotes
 * inside), a leading BOM, CRLF, LF or CR line ends. The separator is guessed from the header line,
 * the first one that is not blank (semicolon wins over comma, then tab, then comma). Lines without
 * content are skipped; line breaks inside quoted fields come out as `\n`; header names are trimmed,
 * cells are not.
 */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const firstLine = /^[^\n]*\S[^\n]*$/m.exec(source)?.[0] ?? '' // the header: the first line that is not blank
  const semicolons = firstLine.split(';').length - 1
  const commas = firstLine.split(',').length - 1
  const delimiter = semicolons > 0 && semicolons >= commas ? ';' : firstLine.includes('\t') ? '\t' : ','
  // Malformed quotes are reported in `errors` but still give their best reading, as spreadsheets do;
  // the import checks every cell anyway, so they are not refused here.
  const { data } = Papa.parse<string[]>(source, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', skipEmptyLines: 'greedy', header: false })
  const [header = [], ...rows] = data
  return { header: header.map((h) => h.trim()), rows }
}

/**
 * An amount of a price list in cents, read as German text without a detour through a float:
 * "1.234,56" → 123456, "1234,56" and "1234.56" → 123456, "1.234" → 123400, "49,90 €" → 4990; more
 * than two decimals or anything else → null. The rules are the money fields' (parseMoneyInput).
 */
export const parseGermanCents = (text: string): number | null => parseMoneyInput(text, 'de')

/** A count or rate as German text: "1.234,56", "1234,56", "1234.56", "12" → number; anything else → NaN. */
export function parseGermanNumber(text: string): number {
  const t = text.replace(/[€\s]/g, '')
  if (!t) return Number.NaN
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(t) || /^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  return Number.NaN
}
