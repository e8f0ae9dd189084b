// The building blocks of every letter as DOCX: a German business letter after DIN 5008 (form B) with
// letterhead, address field, information block, personal salutation, regional greeting and a footer
// with the company's register and bank details, and the item table offers and contracts share. What a
// letter says lives with its module (the offer letter: modules/offers/offer-letter.ts; the contract
// confirmation: modules/contracts/contract-letter.ts). The texts every letter shares are
// `letter.common.*` (shared/platform/letter.texts.ts), rendered in the letter's language.
import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type IParagraphOptions,
} from 'docx'
import { translate } from '../../../../shared/i18n'
import { formatCents } from '../../../../shared/platform/money'
import { missingLetterDetailsOf } from '../../../../shared/platform/letter-profile'
import type { LetterItem, LetterParties } from '../../../../shared/platform/letter.types'
import { logoSize, logoType } from './logo'

const MM = 56.7 // twips per millimetre
const FONT = 'Arial'
const SIZE = 21 // half-points: 10.5 pt
const SMALL = 15

type Lang = LetterParties['language']

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' }

/** Numbers and dates as a letter writes them (amounts: formatCents, the app's one money formatter). */
export function formats(lang: Lang) {
  const num = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3 })
  const date = (iso: string) => {
    const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`)
    return lang === 'de'
      ? new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d)
      : new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
  }
  return { num: (n: number) => num.format(n), date }
}

export const run = (text: string, o: { bold?: boolean; size?: number; color?: string; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: o.size ?? SIZE, bold: o.bold, color: o.color, italics: o.italics })
export const para = (children: TextRun[] | string, o: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ spacing: { after: 120 }, ...o, children: typeof children === 'string' ? [run(children)] : children })

/**
 * "Sehr geehrte Frau Dr. Berger," / "Sehr geehrter Herr Weiß," / "Dear Dr Berger,"; a contact addressed
 * without Frau or Herr by their full name ("Guten Tag Kim Wagner," / "Dear Kim Wagner,"); "Sehr
 * geehrte Damen und Herren," / "Dear Sir or Madam," without a last name.
 */
export function salutationLine(input: Pick<LetterParties, 'recipient' | 'language'>): string {
  const r = input.recipient
  const title = r.title.trim()
  const lastName = r.lastName.trim()
  // English drops the abbreviation's dot ("Dr Berger") and addresses a professor as such.
  const shortTitle = title.replace(/\.$/, '').replace(/^Prof\. ?Dr$/, 'Professor')
  const name = input.language === 'de'
    ? [title, r.firstName.trim(), lastName]
    : title ? [shortTitle, lastName] : [r.firstName.trim(), lastName]
  return translate(input.language, 'letter.common.salutation', {
    salutation: lastName ? r.salutation : 'anonymous',
    hasTitle: title ? 'yes' : 'no',
    title,
    shortTitle,
    lastName,
    name: name.filter(Boolean).join(' '),
  })
}

/** The addressee line of the address field: "Frau Dr. Anna Berger" / "Herrn Jörg Weiß". */
function addresseeLine(input: Pick<LetterParties, 'recipient' | 'language'>): string {
  const r = input.recipient
  const name = [r.title, r.firstName, r.lastName].filter(Boolean).join(' ')
  if (!name) return ''
  return translate(input.language, 'letter.common.addressee', { salutation: r.salutation, name })
}

/** Paragraph options for a letter's last paragraphs: kept whole and on the page of the closing that follows. */
export const keepWithClosing = { keepNext: true, keepLines: true } as const satisfies Partial<IParagraphOptions>

export const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
}

/** The logo as an image run; null with a warning when the bytes are not a PNG/JPEG of at most 2 MB. */
function logoRun(data: Buffer, warnings: string[]): ImageRun | null {
  const type = logoType(data)
  if (!type) {
    warnings.push('logo_missing')
    return null
  }
  const { width, height } = logoSize(data, type)
  const targetHeight = 48
  return new ImageRun({ type, data, transformation: { width: Math.max(1, Math.round((width / height) * targetHeight)), height: targetHeight } })
}

export function itemTable(input: { items: LetterItem[]; language: Lang }, f: ReturnType<typeof formats>): Table {
  const lang = input.language
  const widths = [11, 50, 15, 23, 24, 17, 25] // millimetres: the 165 mm between the margins
  const cell = (text: string | TextRun[], i: number, o: { bold?: boolean; right?: boolean; shade?: boolean; extra?: Paragraph[] } = {}) =>
    new TableCell({
      width: { size: Math.round(widths[i]! * MM), type: WidthType.DXA },
      shading: o.shade ? { fill: 'EEF2F5' } : undefined,
      margins: { top: 50, bottom: 50, left: 50, right: 50 },
      children: [
        new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: typeof text === 'string' ? [run(text, { bold: o.bold, size: 19 })] : text }),
        ...(o.extra ?? []),
      ],
    })
  const header = new TableRow({
    tableHeader: true,
    children: (['letter.common.position', 'letter.common.item', 'letter.common.quantity', 'letter.common.unit', 'letter.common.unitPrice', 'letter.common.discount', 'letter.common.total'] as const)
      .map((key) => translate(lang, key)).map((h, i) => cell(h, i, { bold: true, right: i >= 2 && i !== 3, shade: true })),
  })
  const rows = input.items.map((item: LetterItem) => new TableRow({
    cantSplit: true,
    children: [
      cell(String(item.position), 0),
      cell([run(item.name, { size: 19, bold: !item.optional }), ...(item.optional ? [run(` (${translate(lang, 'letter.common.optional')})`, { size: 17, italics: true, color: '555555' })] : [])], 1, {
        extra: item.description ? [new Paragraph({ children: [run(item.description, { size: 16, color: '555555' })] })] : [],
      }),
      cell(f.num(item.quantity), 2, { right: true }),
      cell(item.unit, 3),
      cell(formatCents(item.unitPriceCents, lang), 4, { right: true }),
      cell(item.discountPercent ? `${f.num(item.discountPercent)} %` : '–', 5, { right: true }),
      cell(item.optional ? `(${formatCents(item.netCents, lang)})` : formatCents(item.netCents, lang), 6, { right: true }),
    ],
  }))
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'B8C2CC' }
  return new Table({
    width: { size: Math.round(165 * MM), type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round(w * MM)),
    borders: { top: line, bottom: line, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, insideHorizontal: line, insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
    rows: [header, ...rows],
  })
}

function footer(input: Pick<LetterParties, 'seller' | 'language'>): Footer {
  const s = input.seller
  const lang = input.language
  const col = (lines: string[]) => new TableCell({
    width: { size: 33, type: WidthType.PERCENTAGE }, borders: noBorders,
    children: lines.filter(Boolean).map((l) => new Paragraph({ children: [run(l, { size: SMALL, color: '555555' })] })),
  })
  return new Footer({
    children: [
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        borders: { ...noBorders, top: { style: BorderStyle.SINGLE, size: 4, color: 'B8C2CC' } },
        rows: [new TableRow({ children: [
          col([s.name, s.street, [s.postalCode, s.city].filter(Boolean).join(' ')]),
          col([s.phone ? `${translate(lang, 'letter.common.phone')} ${s.phone}` : '', s.email, s.website, s.managingDirectors ? `${translate(lang, 'letter.common.managingDirectors')}: ${s.managingDirectors}` : '']),
          col([s.registerCourt && s.city ? translate(lang, 'letter.common.registeredOffice', { city: s.city }) : '', [s.registerCourt, s.registerNumber].filter(Boolean).join(' '), s.vatId ? `${translate(lang, 'letter.common.vatId')} ${s.vatId}` : '', s.bankName, s.iban ? `IBAN ${s.iban}` : '', s.bic ? `BIC ${s.bic}` : '']),
        ] })],
      }),
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ children: [`${translate(lang, 'letter.common.page')} `, PageNumber.CURRENT, ` ${translate(lang, 'letter.common.pageOf')} `, PageNumber.TOTAL_PAGES], font: FONT, size: SMALL, color: '555555' }),
        ],
      }),
    ],
  })
}

/** What every letter shares: sender, addressee, the rep who signs, and the information block. */
export interface LetterFrame {
  language: Lang
  seller: LetterParties['seller']
  recipient: LetterParties['recipient']
  rep: LetterParties['rep']
  /** Rows of the information block after the rep's contact details (number, date …). */
  info: Array<[string, string]>
  subject: string
  /** Paragraphs between the salutation and the closing line. */
  body: Array<Paragraph | Table>
  closingLine: string
  /**
   * The logo's bytes, from this device's own company profile (never from a snapshot or other synced
   * data); null for a letter without a logo.
   */
  logo: Buffer | null
}

/** A DIN 5008 letter (form B): letterhead, address field, information block, subject, body, greeting, footer. */
export async function renderLetter(frame: LetterFrame): Promise<{ buffer: Buffer; warnings: string[] }> {
  const warnings: string[] = []
  const s = frame.seller
  if (missingLetterDetailsOf(frame).length > 0) warnings.push('profile_incomplete')
  const lang = frame.language
  const image = frame.logo ? logoRun(frame.logo, warnings) : null
  const r = frame.recipient
  const addressField = [
    new Paragraph({ children: [run([s.name, s.street, [s.postalCode, s.city].filter(Boolean).join(' ')].filter(Boolean).join(' · '), { size: 14, color: '555555' })], spacing: { after: 120 } }),
    ...[r.companyName, addresseeLine(frame), r.street, [r.postalCode, r.city].filter(Boolean).join(' ')].filter(Boolean).map((l) => new Paragraph({ children: [run(l)] })),
  ]
  const info: Array<[string, string]> = [
    [translate(lang, 'letter.common.contact'), frame.rep.name], [translate(lang, 'letter.common.phone'), frame.rep.phone || s.phone],
    [translate(lang, 'letter.common.mobile'), frame.rep.mobile ?? ''], [translate(lang, 'letter.common.email'), frame.rep.email || s.email], ...frame.info,
  ]
  const infoBlock = new Table({
    width: { size: Math.round(78 * MM), type: WidthType.DXA },
    columnWidths: [Math.round(33 * MM), Math.round(45 * MM)],
    borders: noBorders,
    rows: info.filter(([, v]) => v).map(([k, v]) => new TableRow({ children: [
      new TableCell({ width: { size: Math.round(33 * MM), type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 40 }, children: [new Paragraph({ children: [run(`${k}:`, { size: 16, color: '555555' })] })] }),
      new TableCell({ width: { size: Math.round(45 * MM), type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 }, children: [new Paragraph({ children: [run(v, { size: 16 })] })] }),
    ] })),
  })
  const head = new Table({
    width: { size: Math.round(165 * MM), type: WidthType.DXA },
    borders: noBorders,
    columnWidths: [Math.round(87 * MM), Math.round(78 * MM)],
    rows: [new TableRow({ children: [
      new TableCell({ width: { size: Math.round(87 * MM), type: WidthType.DXA }, borders: noBorders, children: addressField }),
      new TableCell({ width: { size: Math.round(78 * MM), type: WidthType.DXA }, borders: noBorders, children: [infoBlock] }),
    ] })],
  })
  const body: Array<Paragraph | Table> = [
    head,
    para([run(frame.subject, { bold: true, size: 23 })], { spacing: { before: 480, after: 240 } }),
    para(salutationLine(frame)),
    ...frame.body,
  ]
  // The closing line, greeting and signature stay on one page, together with the letter's last
  // paragraphs (the letters mark them with `keepWithClosing`): a page never holds only the signature.
  body.push(para(frame.closingLine, { ...keepWithClosing, spacing: { before: 200, after: 240 } }))
  const city = r.city.trim()
  body.push(para(city ? translate(lang, 'letter.common.greetingTo', { city }) : translate(lang, 'letter.common.greeting'), { keepNext: true }))
  body.push(para(s.name, { keepNext: true, spacing: { after: 600 } }))
  body.push(para([run(frame.rep.name)], { keepNext: true, spacing: { after: 0 } }))
  if (frame.rep.jobTitle) body.push(para([run(frame.rep.jobTitle, { size: 19, color: '555555' })]))

  const document = new Document({
    creator: s.name || 'Kundenreise',
    title: frame.subject,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    numbering: { config: [] },
    sections: [{
      properties: { page: { size: { width: 210 * MM, height: 297 * MM }, margin: { top: 27 * MM, bottom: 30 * MM, left: 25 * MM, right: 20 * MM, header: 10 * MM, footer: 8 * MM } } },
      headers: {
        default: new Header({
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [...(image ? [image] : []), ...(image ? [] : [run(s.name, { bold: true, size: 28, color: '0B5C8A' })])],
            }),
            ...(image && s.name ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(s.name, { bold: true, size: 20, color: '0B5C8A' })] })] : []),
          ],
        }),
      },
      footers: { default: footer(frame) },
      children: body,
    }],
  })
  return { buffer: await Packer.toBuffer(document), warnings }
}
