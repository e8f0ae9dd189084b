// The letter model: what a letter says, as plain data, before it is a file. Each letter (the offer
// letter, the contract confirmation, the Art. 15 information) builds one in its module; the two
// renderers turn any model into bytes: docx-render.ts (DOCX, to edit in a word processor) and
// pdf-render.ts (PDF, to send). No docx or pdfmake type appears here, so both say the same.
// Sizes and spacing are in points, colours are RRGGBB.
import type { LetterItem, LetterParties } from '../../../../shared/platform/letter.types'

export type LetterLanguage = LetterParties['language']

/** A piece of text with its look. */
export interface LetterRun {
  text: string
  bold?: boolean
  italic?: boolean
  /** Points; the letter's body size (10.5 pt) when absent. */
  size?: number
  color?: string
}

/** A paragraph of the body. */
export interface LetterParagraph {
  kind: 'paragraph'
  runs: LetterRun[]
  /** Points before and after; after is 6 pt when absent. */
  spaceBefore?: number
  spaceAfter?: number
  /** One of the letter's last paragraphs: kept whole and on the page of the closing that follows. */
  keepWithClosing?: boolean
}

/** One bullet point (the benefits of an offer). */
export interface LetterBullet {
  kind: 'bullet'
  text: string
}

/** A bold section heading; it stays with what follows it (never alone at the bottom of a page). */
export interface LetterHeading {
  kind: 'heading'
  text: string
  /** Points; 11 before and 5 after when absent. */
  spaceBefore?: number
  spaceAfter?: number
}

/** The item table of offers and contracts (position, name, quantity, unit, unit price, discount, total). */
export interface LetterItemTable {
  kind: 'items'
  items: LetterItem[]
}

/** A row of a label/value table; `strong` sets the value in bold (a date that matters, a sum). */
export interface LetterLabelRow {
  label: string
  /** Lines separated by '\n'. */
  value: string
  strong?: boolean
}

/** A label/value table: the agreed terms of a contract, the data of an Art. 15 letter. */
export interface LetterLabelTable {
  kind: 'labels'
  rows: LetterLabelRow[]
  /** Width of the label column in per cent of the text width. */
  labelWidth: number
}

/** The totals of an offer, right-aligned; a `strong` row (the gross sum) is bold with a rule above it. */
export interface LetterTotals {
  kind: 'totals'
  rows: LetterLabelRow[]
}

/** An empty line between two blocks. */
export interface LetterSpacer {
  kind: 'spacer'
}

export type LetterBlock = LetterParagraph | LetterBullet | LetterHeading | LetterItemTable | LetterLabelTable | LetterTotals | LetterSpacer

/** What every letter shares: sender, addressee, the rep who signs, the information block and the closing. */
export interface LetterFrame {
  language: LetterLanguage
  seller: LetterParties['seller']
  recipient: LetterParties['recipient']
  rep: LetterParties['rep']
  /** Rows of the information block after the rep's contact details (number, date …). */
  info: Array<[string, string]>
  subject: string
  closingLine: string
  /**
   * The letter's date (ISO day). The PDF's creation date is taken from it, never from the clock, so the
   * same revision always gives the same bytes.
   */
  date: string
  /**
   * The logo's bytes, from this device's own company profile (never from a snapshot or other synced
   * data); null for a letter without a logo.
   */
  logo: Buffer | null
}

/** A whole letter: the frame and the blocks between the salutation and the closing line. */
export interface LetterModel extends LetterFrame {
  body: LetterBlock[]
}

/** A rendered letter: its bytes, and the problems it was made despite (`logo_missing`, `profile_incomplete`). */
export interface RenderedLetter {
  buffer: Buffer
  warnings: string[]
}

/** A paragraph of plain text or of runs. */
export function paragraph(content: string | LetterRun[], options: Omit<LetterParagraph, 'kind' | 'runs'> = {}): LetterParagraph {
  return { kind: 'paragraph', runs: typeof content === 'string' ? [{ text: content }] : content, ...options }
}

const LOCALE: Record<LetterLanguage, string> = { de: 'de-DE', en: 'en-GB' }

/** Numbers and dates as a letter writes them (amounts: formatCents, the app's one money formatter). */
export function formats(lang: LetterLanguage) {
  const num = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 })
  const date = (iso: string) => {
    const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`)
    return lang === 'de'
      ? new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d)
      : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
  }
  return { num: (n: number) => num.format(n), date }
}

export type LetterFormats = ReturnType<typeof formats>
