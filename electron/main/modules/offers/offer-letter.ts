// The personalised offer letter as a letter model (electron/main/platform/documents/letter-model.ts),
// which docx-render.ts writes as DOCX and pdf-render.ts as PDF: an introduction that takes up the
// pre-offer conversation, the item table, totals with a VAT line per rate, validity, payment and
// delivery terms. English for English-speaking contacts. The texts are the offer's `letter.offer.*`
// (shared/modules/offers/offer-letter.texts.ts) and the letters' common ones.
import { translate } from '../../../../shared/i18n'
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { joinPoints, notePoints } from '../../../../shared/modules/offers/offer-letter.rules'
import { formats, paragraph, type LetterBlock, type LetterFormats, type LetterLabelRow, type LetterModel } from '../../platform/documents/letter-model'

function totalsRows(input: OfferLetterInput, f: LetterFormats): LetterLabelRow[] {
  const lang = input.language
  const tt = input.totals
  const rows: LetterLabelRow[] = [{ label: translate(lang, 'letter.offer.itemsNet'), value: formatCents(tt.itemsNetCents, lang) }]
  if (tt.offerDiscountCents > 0) {
    rows.push({ label: translate(lang, 'letter.offer.offerDiscount', { percent: f.num(tt.offerDiscountPercent) }), value: `−${formatCents(tt.offerDiscountCents, lang)}` })
    rows.push({ label: translate(lang, 'letter.offer.net'), value: formatCents(tt.netCents, lang) })
  }
  for (const v of tt.vat) rows.push({ label: translate(lang, 'letter.offer.vat', { rate: v.rate, base: formatCents(v.baseCents, lang) }), value: formatCents(v.vatCents, lang) })
  rows.push({ label: translate(lang, 'letter.offer.gross'), value: formatCents(tt.grossCents, lang), strong: true })
  if (tt.optionalNetCents > 0) rows.push({ label: translate(lang, 'letter.offer.optionalSum'), value: formatCents(tt.optionalNetCents, lang) })
  return rows
}

/** The opening: the introduction as typed, or thanks for the conversation with its needs, worries and the benefits. */
function opening(input: OfferLetterInput, f: LetterFormats): LetterBlock[] {
  const lang = input.language
  const c = input.conversation
  const body: LetterBlock[] = []
  const benefits = input.benefits.split('\n').map((b) => b.trim()).filter(Boolean)
  /** A sentence about one field of the conversation, with its points as a list in prose; null when it is empty. */
  const about = (note: string, key: 'letter.offer.needs' | 'letter.offer.goals') => {
    const points = notePoints(note)
    return points.length ? translate(lang, key, { list: joinPoints(points, lang), count: points.length }) : null
  }
  const worries = c && !input.introduction.trim() ? notePoints(c.worries) : []
  if (input.introduction.trim()) {
    for (const p of input.introduction.trim().split(/\n{2,}/)) body.push(paragraph(p.replace(/\n/g, ' ')))
  } else if (c) {
    body.push(paragraph(translate(lang, 'letter.offer.thanksConversation', { date: f.date(c.date) })))
    const needs = [about(c.needs, 'letter.offer.needs'), about(c.goals, 'letter.offer.goals')].filter((x) => x !== null)
    if (needs.length) body.push(paragraph(needs.join(' ')))
  } else {
    body.push(paragraph(translate(lang, 'letter.offer.thanksGeneric')))
  }
  if (worries.length) {
    body.push(paragraph(translate(lang, 'letter.offer.worries', { list: joinPoints(worries, lang), count: worries.length, benefits: benefits.length ? 'yes' : 'no' })))
  } else if (benefits.length > 0) body.push(paragraph(translate(lang, 'letter.offer.benefitsIntro')))
  for (const b of benefits) body.push({ kind: 'bullet', text: b })
  return body
}

/** The offer letter's model; `logo` comes from the device's profile at render time, never from the input. */
export function offerLetterModel(input: OfferLetterInput, logo: Buffer | null = null): LetterModel {
  const lang = input.language
  const f = formats(lang)
  const number = input.revision > 1 ? translate(lang, 'letter.offer.numberWithRevision', { number: input.offerNumber, revision: input.revision }) : input.offerNumber
  const firstItem = input.items.find((i) => !i.optional)?.name ?? translate(lang, 'letter.offer.yourRequest')
  const terms = input.paymentTerms
  const payment = translate(lang, 'letter.offer.payment', {
    netDays: terms.netDays, withSkonto: terms.skontoPercent > 0 ? 'yes' : 'no', skonto: f.num(terms.skontoPercent), skontoDays: terms.skontoDays,
  })
  const body: LetterBlock[] = [
    ...opening(input, f),
    paragraph(translate(lang, 'letter.offer.offerIntro'), { spaceBefore: 8, spaceAfter: 8 }),
    { kind: 'items', items: input.items },
    { kind: 'spacer' },
    { kind: 'totals', rows: totalsRows(input, f) },
    // Validity, payment and delivery are the letter's last paragraphs: they stay with the closing.
    paragraph(translate(lang, 'letter.offer.validUntil', { date: f.date(input.validUntil) }), { keepWithClosing: true, spaceBefore: 14, spaceAfter: 4 }),
    paragraph(payment, { keepWithClosing: true, spaceAfter: 4 }),
  ]
  if (input.deliveryTerms.trim()) body.push(paragraph(translate(lang, 'letter.offer.delivery', { terms: input.deliveryTerms.trim() }), { keepWithClosing: true }))
  return {
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [[translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.offer.offerNumber'), number], [translate(lang, 'letter.common.date'), f.date(input.offerDate)]],
    subject: translate(lang, 'letter.offer.subject', { number, item: firstItem }), body, closingLine: translate(lang, 'letter.offer.closingLine'),
    date: input.offerDate, logo,
  }
}
