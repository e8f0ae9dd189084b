// The words of a letter's frame, the same for the DOCX and the PDF: the sender line and the address
// field, the information block, salutation and regional greeting, the footer's three columns with the
// company's register and bank details, "Seite x von y", the item table's cells, and the warnings a
// letter is made despite. Texts are `letter.common.*` (shared/platform/letter.texts.ts) in the
// letter's language.
import { translate } from '../../../../shared/i18n'
import { missingLetterDetailsOf } from '../../../../shared/platform/letter-profile'
import { addresseeLine, salutationLine } from '../../../../shared/platform/letter-salutation'
import type { LetterItem } from '../../../../shared/platform/letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { formats, type LetterFrame, type LetterLanguage, type LetterModel } from './letter-model'
import { logoType } from './logo'

const cityLine = (p: { postalCode: string; city: string }) => [p.postalCode, p.city].filter(Boolean).join(' ')

type PlainKey = `letter.common.${'contact' | 'phone' | 'mobile' | 'email' | 'greeting' | 'managingDirectors' | 'vatId' | 'page' | 'pageOf'}`

/** The frame's texts, in the letter's language. */
export function frameTexts(frame: LetterFrame) {
  const s = frame.seller
  const r = frame.recipient
  const lang = frame.language
  const t = (key: PlainKey) => translate(lang, key)
  const info: Array<[string, string]> = [
    [t('letter.common.contact'), frame.rep.name], [t('letter.common.phone'), frame.rep.phone || s.phone],
    [t('letter.common.mobile'), frame.rep.mobile ?? ''], [t('letter.common.email'), frame.rep.email || s.email], ...frame.info,
  ]
  const city = r.city.trim()
  return {
    /** The sender in one small line above the address (DIN 5008's return address). */
    senderLine: [s.name, s.street, cityLine(s)].filter(Boolean).join(' · '),
    addressLines: [r.companyName, addresseeLine(frame), r.street, cityLine(r)].filter(Boolean),
    /** Label and value of each row of the information block that has a value. */
    infoRows: info.filter(([, v]) => v).map(([k, v]) => [`${k}:`, v] as const),
    salutation: salutationLine(frame),
    greeting: city ? translate(lang, 'letter.common.greetingTo', { city }) : t('letter.common.greeting'),
    /** Address and contact, managing directors, register and bank: the footer's three columns. */
    footerColumns: [
      [s.name, s.street, cityLine(s)],
      [s.phone ? `${t('letter.common.phone')} ${s.phone}` : '', s.email, s.website, s.managingDirectors ? `${t('letter.common.managingDirectors')}: ${s.managingDirectors}` : ''],
      [
        s.registerCourt && s.city ? translate(lang, 'letter.common.registeredOffice', { city: s.city }) : '', [s.registerCourt, s.registerNumber].filter(Boolean).join(' '),
        s.vatId ? `${t('letter.common.vatId')} ${s.vatId}` : '', s.bankName, s.iban ? `IBAN ${s.iban}` : '', s.bic ? `BIC ${s.bic}` : '',
      ],
    ].map((lines) => lines.filter(Boolean)),
    /** "Seite" and "von" around the page numbers (the DOCX fills them in as fields). */
    page: t('letter.common.page'),
    pageOf: t('letter.common.pageOf'),
  }
}

export type FrameTexts = ReturnType<typeof frameTexts>

/** "Seite 1 von 2" / "Page 1 of 2". */
export const pageLabel = (texts: FrameTexts, current: number, total: number) => `${texts.page} ${current} ${texts.pageOf} ${total}`

/** The item table's headings (the columns of ITEM_COLUMNS); numbers are right-aligned, except the unit. */
export function itemHeadings(lang: LetterLanguage): string[] {
  return (['letter.common.position', 'letter.common.item', 'letter.common.quantity', 'letter.common.unit', 'letter.common.unitPrice', 'letter.common.discount', 'letter.common.total'] as const)
    .map((key) => translate(lang, key))
}

/** Columns of the item table whose cells are right-aligned. */
export const RIGHT_ALIGNED_ITEM_COLUMNS: ReadonlySet<number> = new Set([2, 4, 5, 6])

/** One item's cells: its name with the "optional" mark and description apart, the rest as text. */
export function itemCells(item: LetterItem, lang: LetterLanguage) {
  const f = formats(lang)
  return {
    position: String(item.position),
    name: item.name,
    /** An optional item is printed in regular type with " (optional)" and its total in brackets. */
    optionalMark: item.optional ? ` (${translate(lang, 'letter.common.optional')})` : '',
    description: item.description,
    quantity: f.num(item.quantity),
    unit: item.unit,
    unitPrice: formatCents(item.unitPriceCents, lang),
    discount: item.discountPercent ? `${f.num(item.discountPercent)} %` : '–',
    total: item.optional ? `(${formatCents(item.netCents, lang)})` : formatCents(item.netCents, lang),
  }
}

/** A logo the letter may embed (PNG/JPEG, at most 2 MB); null when there is none or the bytes are something else. */
export const usableLogo = (model: LetterFrame) => (model.logo && logoType(model.logo) ? model.logo : null)

/** What a letter is made despite: an incomplete profile, a logo that is no PNG/JPEG. */
export function letterWarnings(model: LetterModel): string[] {
  const warnings: string[] = []
  if (model.logo && !usableLogo(model)) warnings.push('logo_missing')
  if (missingLetterDetailsOf(model).length > 0) warnings.push('profile_incomplete')
  return warnings
}
