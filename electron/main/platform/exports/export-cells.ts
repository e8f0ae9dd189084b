// How one cell of a list export is written into a CSV that German Excel and LibreOffice Calc read right:
// amounts as "1234,56" (no grouping, so Calc takes them as numbers), dates as TT.MM.JJJJ, and text that a
// spreadsheet would take for a formula defused with a leading apostrophe (CSV injection, OWASP).

/**
 * What a column holds; the writers format by it (text is escaped, amounts and dates never are). `decimal`
 * is a number shown with one decimal (an NPS, an average score); `percent` is a share 0…1 (a rate), written
 * in the CSV as percentage points with one decimal ("43,5" for 0.435, the header says "%") and in the XLSX
 * as the share itself with a percent format, so Excel computes with it and shows "43,5 %".
 */
export type ExportKind = 'text' | 'cents' | 'date' | 'integer' | 'decimal' | 'percent'
export type ExportValue = string | number | null

/** A text a spreadsheet would evaluate: =, +, -, @ start formulas (also after tab or carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/

/** Text as a CSV cell: a leading formula character gets an apostrophe in front ("'=HYPERLINK(…)"). */
export function escapeCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Integer cents as a German decimal without grouping: 123456 → "1234,56", -5 → "-0,05". */
export function germanDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`not an amount in cents: ${cents}`)
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar day "2026-11-29" as "29.11.2026". */
export function germanDate(isoDay: string): string {
  const m = ISO_DAY.exec(isoDay)
  if (!m) throw new Error(`not a calendar day: ${isoDay}`)
  return `${m[3]}.${m[2]}.${m[1]}`
}

/** A number with one decimal and a decimal comma, no grouping: 43.478 → "43,5", -12 → "-12,0". */
export function germanOneDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a number: ${value}`)
  return (Math.round(value * 10) / 10).toFixed(1).replace('.', ',')
}

/** One cell as CSV text; an empty value stays empty. */
export function csvCell(kind: ExportKind, value: ExportValue): string {
  if (value === null || value === '') return ''
  switch (kind) {
    case 'text': return escapeCsvText(String(value))
    case 'cents': return germanDecimal(Number(value))
    case 'date': return germanDate(String(value))
    case 'integer': return String(value)
    case 'decimal': return germanOneDecimal(Number(value))
    case 'percent': return germanOneDecimal(Number(value) * 100)
  }
}
