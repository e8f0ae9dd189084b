// The contract confirmation (Vertragsbestätigung) as DOCX, in the offer letter's style: the agreed
// terms with the cancel-by date spelled out, the items, and the annual value. The texts are
// `letter.contract.*` (shared/modules/contracts/contract-letter.texts.ts) and the letter's common ones.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import { translate } from '../../../../shared/i18n'
import type { ContractLetterInput } from '../../../../shared/modules/contracts/contract-letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { formats, itemTable, keepWithClosing, para, renderLetter, run } from '../../platform/documents/din5008-letter'

/** The contract confirmation; `logo` comes from the device's profile at render time. */
export async function renderContractLetter(input: ContractLetterInput, logo: Buffer | null = null): Promise<{ buffer: Buffer; warnings: string[] }> {
  const lang = input.language
  const f = formats(lang)
  const notice = input.notice.value > 0
    ? translate(lang, 'letter.contract.noticeText', { period: translate(lang, `contract.period.${input.notice.unit}`, { count: input.notice.value }) })
    : '–'
  const renewal = input.renewalMonths > 0 ? translate(lang, 'letter.contract.renewalText', { months: input.renewalMonths }) : translate(lang, 'letter.contract.noRenewal')
  const rows: Array<[string, string, boolean]> = [
    [translate(lang, 'letter.contract.type'), input.typeLabel, false],
    [translate(lang, 'letter.contract.start'), f.date(input.startDate), false],
    [translate(lang, 'letter.contract.minimumTerm'), translate(lang, 'contract.period.months', { count: input.minimumTermMonths }), false],
    [translate(lang, 'letter.contract.end'), f.date(input.endDate), false],
    [translate(lang, 'letter.contract.notice'), notice, false],
    [translate(lang, 'letter.contract.cancelBy'), f.date(input.cancelBy), true],
    [translate(lang, 'letter.contract.renewal'), renewal, false],
    [translate(lang, 'letter.contract.annualValue'), formatCents(input.annualValueCents, lang), true],
  ]
  const line = { style: BorderStyle.SINGLE, size: 4, color: 'B8C2CC' }
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
  const termsTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: none, right: none, insideHorizontal: line, insideVertical: none },
    rows: rows.map(([label, value, strong]) => new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: 38, type: WidthType.PERCENTAGE }, margins: { top: 50, bottom: 50, left: 50, right: 50 }, shading: { fill: 'EEF2F5' },
          children: [new Paragraph({ children: [run(label, { size: 19 })] })] }),
        new TableCell({ width: { size: 62, type: WidthType.PERCENTAGE }, margins: { top: 50, bottom: 50, left: 80, right: 50 },
          children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(value, { size: 19, bold: strong })] })] }),
      ],
    })),
  })
  const intro = translate(lang, 'letter.contract.intro', {
    hasTitle: input.title ? 'yes' : 'no', title: input.title, hasOffer: input.offerNumber ? 'yes' : 'no', offer: input.offerNumber,
  })
  const note = input.renewalMonths > 0
    ? translate(lang, 'letter.contract.cancelNote', { date: f.date(input.cancelBy) })
    : translate(lang, 'letter.contract.endNote', { date: f.date(input.endDate) })
  const body: Array<Paragraph | Table> = [
    para(intro),
    para([run(translate(lang, 'letter.contract.terms'), { bold: true })], { spacing: { before: 200, after: 120 } }),
    termsTable,
  ]
  if (input.items.length > 0) {
    body.push(para([run(translate(lang, 'letter.contract.items'), { bold: true })], { spacing: { before: 200, after: 120 } }))
    // The item table has a discount column: a discounted line shows its percentage, the others "–".
    body.push(itemTable(input, f))
  }
  // The note on the cancel-by date is the last paragraph: it stays with the closing.
  body.push(para(note, { ...keepWithClosing, spacing: { before: 200, after: 120 } }))
  return renderLetter({
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [
      [translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.contract.contractNumber'), input.contractNumber],
      [translate(lang, 'letter.common.date'), f.date(input.date)],
    ],
    subject: translate(lang, 'letter.contract.subject', { number: input.contractNumber, title: input.title }), body,
    closingLine: translate(lang, 'letter.contract.closingLine'), logo,
  })
}
