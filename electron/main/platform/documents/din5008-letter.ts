// The measures of a German business letter after DIN 5008 (form B) that both renderers place a letter
// by (docx-render.ts, pdf-render.ts), so the DOCX and the PDF of one letter look alike: the A4 page and
// its margins, the address field and the information block beside it, the item table's columns, the
// type sizes and colours. Millimetres, points and RRGGBB. What a letter says is its model
// (letter-model.ts); the words of the frame are in letter-frame.ts.

/** A4 in millimetres. */
export const PAGE = { width: 210, height: 297 } as const

/** Page margins in millimetres; `header` and `footer` are the distances of both from the page's edge. */
export const MARGINS = { top: 27, bottom: 30, left: 25, right: 20, header: 10, footer: 8 } as const

/** The text width (210 − 25 − 20) and the two columns of the letter's head, in millimetres. */
export const TEXT_WIDTH = 165
export const ADDRESS_WIDTH = 87
export const INFO_WIDTH = 78
export const INFO_LABEL_WIDTH = 33

/** The item table's columns (position, name, quantity, unit, unit price, discount, total) in millimetres: the text width. */
export const ITEM_COLUMNS = [11, 50, 15, 23, 24, 17, 25] as const

/** Type sizes in points. */
export const SIZES = {
  body: 10.5,
  subject: 11.5,
  table: 9.5,
  optional: 8.5,
  description: 8,
  info: 8,
  footer: 7.5,
  sender: 7,
  company: 14,
  companyUnderLogo: 10,
  jobTitle: 9.5,
} as const

export const COLOURS = { brand: '0B5C8A', muted: '555555', rule: 'B8C2CC', shade: 'EEF2F5', strongRule: '333333' } as const

/** Height of the logo in the letterhead, in CSS pixels (as the DOCX sizes images). */
export const LOGO_HEIGHT_PX = 48

/** Millimetres to points. */
export const mmToPt = (mm: number) => (mm * 72) / 25.4

// The salutation moved to shared/platform/letter-salutation.ts (the e-mail composer uses it too); kept
// reachable here for tests/unit/letter-profile.test.ts, which imports it from this file.
export { salutationLine } from '../../../../shared/platform/letter-salutation'
