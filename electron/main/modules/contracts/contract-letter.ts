// The contract confirmation (Vertragsbestätigung) as a letter model, in the offer letter's style
// (docx-render.ts and pdf-render.ts in electron/main/platform/documents write it as DOCX or PDF): the
// agreed terms with the cancel-by date spelled out, the items, and the annual value. The texts are
// `letter.contract.*` (shared/modules/contracts/contract-letter.texts.ts) and the letter's common ones.
import { translate } from '../../../../shared/i18n'
import type { ContractLetterInput } from '../../../../shared/modules/contracts/contract-letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { formats, paragraph, type LetterBlock, type LetterLabelRow, type LetterModel } from '../../platform/documents/letter-model'

/** The contract confirmation's model; `logo` comes from the device's profile at render time. */
export function contractLetterModel(input: ContractLetterInput, logo: Buffer | null = null): LetterModel {
  const lang = input.language
  const f = formats(lang)
  const notice = input.notice.value > 0
    ? translate(lang, 'letter.contract.noticeText', { period: translate(lang, `contract.period.${input.notice.unit}`, { count: input.notice.value }) })
    : '–'
  const renewal = input.renewalMonths > 0 ? translate(lang, 'letter.contract.renewalText', { months: input.renewalMonths }) : translate(lang, 'letter.contract.noRenewal')
  const terms: LetterLabelRow[] = [
    { label: translate(lang, 'letter.contract.type'), value: input.typeLabel },
    { label: translate(lang, 'letter.contract.start'), value: f.date(input.startDate) },
    { label: translate(lang, 'letter.contract.minimumTerm'), value: translate(lang, 'contract.period.months', { count: input.minimumTermMonths }) },
    { label: translate(lang, 'letter.contract.end'), value: f.date(input.endDate) },
    { label: translate(lang, 'letter.contract.notice'), value: notice },
    { label: translate(lang, 'letter.contract.cancelBy'), value: f.date(input.cancelBy), strong: true },
    { label: translate(lang, 'letter.contract.renewal'), value: renewal },
    { label: translate(lang, 'letter.contract.annualValue'), value: formatCents(input.annualValueCents, lang), strong: true },
  ]
  const intro = translate(lang, 'letter.contract.intro', {
    hasTitle: input.title ? 'yes' : 'no', title: input.title, hasOffer: input.offerNumber ? 'yes' : 'no', offer: input.offerNumber,
  })
  const note = input.renewalMonths > 0
    ? translate(lang, 'letter.contract.cancelNote', { date: f.date(input.cancelBy) })
    : translate(lang, 'letter.contract.endNote', { date: f.date(input.endDate) })
  const body: LetterBlock[] = [
    paragraph(intro),
    { kind: 'heading', text: translate(lang, 'letter.contract.terms'), spaceBefore: 10, spaceAfter: 6 },
    { kind: 'labels', rows: terms, labelWidth: 38 },
  ]
  if (input.items.length > 0) {
    body.push({ kind: 'heading', text: translate(lang, 'letter.contract.items'), spaceBefore: 10, spaceAfter: 6 })
    // The item table has a discount column: a discounted line shows its percentage, the others "–".
    body.push({ kind: 'items', items: input.items })
  }
  // The note on the cancel-by date is the last paragraph: it stays with the closing.
  body.push(paragraph(note, { keepWithClosing: true, spaceBefore: 10, spaceAfter: 6 }))
  return {
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [
      [translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.contract.contractNumber'), input.contractNumber],
      [translate(lang, 'letter.common.date'), f.date(input.date)],
    ],
    subject: translate(lang, 'letter.contract.subject', { number: input.contractNumber, title: input.title }), body,
    closingLine: translate(lang, 'letter.contract.closingLine'), date: input.date, logo,
  }
}
