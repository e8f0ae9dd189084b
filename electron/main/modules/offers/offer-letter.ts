// The personalised offer letter as DOCX, a DIN 5008 letter (electron/main/platform/documents/din5008-letter.ts):
// an introduction that takes up the pre-offer conversation, the item table, totals with a VAT line per
// rate, validity, payment and delivery terms. English for English-speaking contacts. The texts are the
// offer's `letter.offer.*` (shared/modules/offers/offer-letter.texts.ts) and the letters' common ones.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import { translate } from '../../../../shared/i18n'
import type { OfferLetterInput } from '../../../../shared/modules/offers/offer-letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { joinPoints, notePoints } from '../../../../shared/modules/offers/offer-letter.rules'
import { formats, itemTable, keepWithClosing, noBorders, para, renderLetter, run } from '../../platform/documents/din5008-letter'

function totalsTable(input: OfferLetterInput, f: ReturnType<typeof formats>): Table {
  const lang = input.language
  const tt = input.totals
  const lines: Array<[string, string, boolean]> = [[translate(lang, 'letter.offer.itemsNet'), formatCents(tt.itemsNetCents, lang), false]]
  if (tt.offerDiscountCents > 0) {
    lines.push([translate(lang, 'letter.offer.offerDiscount', { percent: f.num(tt.offerDiscountPercent) }), `−${formatCents(tt.offerDiscountCents, lang)}`, false])
    lines.push([translate(lang, 'letter.offer.net'), formatCents(tt.netCents, lang), false])
  }
  for (const v of tt.vat) lines.push([translate(lang, 'letter.offer.vat', { rate: v.rate, base: formatCents(v.baseCents, lang) }), formatCents(v.vatCents, lang), false])
  lines.push([translate(lang, 'letter.offer.gross'), formatCents(tt.grossCents, lang), true])
  if (tt.optionalNetCents > 0) lines.push([translate(lang, 'letter.offer.optionalSum'), formatCents(tt.optionalNetCents, lang), false])
  const top = { style: BorderStyle.SINGLE, size: 8, color: '333333' }
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: lines.map(([label, value, strong]) => new TableRow({
      children: [
        new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, borders: strong ? { top } : undefined, margins: { top: 40, bottom: 40, right: 120 },
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(label, { bold: strong })] })] }),
        new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, borders: strong ? { top } : undefined, margins: { top: 40, bottom: 40, right: 70 },
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(value, { bold: strong })] })] }),
      ],
    })),
  })
}

/** The offer letter; `logo` comes from the device's profile at render time, never from the input. */
export async function renderOfferLetter(input: OfferLetterInput, logo: Buffer | null = null): Promise<{ buffer: Buffer; warnings: string[] }> {
  const lang = input.language
  const f = formats(lang)
  const c = input.conversation
  const number = input.revision > 1 ? translate(lang, 'letter.offer.numberWithRevision', { number: input.offerNumber, revision: input.revision }) : input.offerNumber
  const firstItem = input.items.find((i) => !i.optional)?.name ?? translate(lang, 'letter.offer.yourRequest')
  const body: Array<Paragraph | Table> = []
  const benefits = input.benefits.split('\n').map((b) => b.trim()).filter(Boolean)
  /** A sentence about one field of the conversation, with its points as a list in prose; null when it is empty. */
  const about = (note: string, key: 'letter.offer.needs' | 'letter.offer.goals') => {
    const points = notePoints(note)
    return points.length ? translate(lang, key, { list: joinPoints(points, lang), count: points.length }) : null
  }
  const worries = c && !input.introduction.trim() ? notePoints(c.worries) : []
  if (input.introduction.trim()) {
    for (const p of input.introduction.trim().split(/\n{2,}/)) body.push(para(p.replace(/\n/g, ' ')))
  } else if (c) {
    body.push(para(translate(lang, 'letter.offer.thanksConversation', { date: f.date(c.date) })))
    const needs = [about(c.needs, 'letter.offer.needs'), about(c.goals, 'letter.offer.goals')].filter((x) => x !== null)
    if (needs.length) body.push(para(needs.join(' ')))
  } else {
    body.push(para(translate(lang, 'letter.offer.thanksGeneric')))
  }
  if (worries.length) {
    body.push(para(translate(lang, 'letter.offer.worries', { list: joinPoints(worries, lang), count: worries.length, benefits: benefits.length ? 'yes' : 'no' })))
  } else if (benefits.length > 0) body.push(para(translate(lang, 'letter.offer.benefitsIntro')))
  for (const b of benefits) body.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [run(b)] }))
  body.push(para(translate(lang, 'letter.offer.offerIntro'), { spacing: { before: 160, after: 160 } }))
  body.push(itemTable(input, f))
  body.push(new Paragraph({ spacing: { after: 120 }, children: [] }))
  body.push(totalsTable(input, f))
  // Validity, payment and delivery are the letter's last paragraphs: they stay with the closing.
  body.push(para(translate(lang, 'letter.offer.validUntil', { date: f.date(input.validUntil) }), { ...keepWithClosing, spacing: { before: 280, after: 80 } }))
  const terms = input.paymentTerms
  const payment = translate(lang, 'letter.offer.payment', {
    netDays: terms.netDays, withSkonto: terms.skontoPercent > 0 ? 'yes' : 'no', skonto: f.num(terms.skontoPercent), skontoDays: terms.skontoDays,
  })
  body.push(para(payment, { ...keepWithClosing, spacing: { after: 80 } }))
  if (input.deliveryTerms.trim()) body.push(para(translate(lang, 'letter.offer.delivery', { terms: input.deliveryTerms.trim() }), keepWithClosing))
  return renderLetter({
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [[translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.offer.offerNumber'), number], [translate(lang, 'letter.common.date'), f.date(input.offerDate)]],
    subject: translate(lang, 'letter.offer.subject', { number, item: firstItem }), body, closingLine: translate(lang, 'letter.offer.closingLine'), logo,
  })
}
