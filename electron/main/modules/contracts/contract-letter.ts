// The contract confirmation (Vertragsbestätigung) as DOCX, in the offer letter's style: the agreed
// terms with the cancel-by date spelled out, the items, and the annual value.
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx'
import type { ContractLetterInput } from '../../../../shared/modules/contracts/contract-letter.types'
import { formats, itemTable, para, renderLetter, run } from '../../platform/documents/din5008-letter'

const TEXT = {
  de: {
    subject: 'Vertragsbestätigung', number: 'Vertragsnummer', date: 'Datum', customerNumber: 'Kundennummer',
    intro: (title: string, offer: string) => `vielen Dank für Ihr Vertrauen. Hiermit bestätigen wir den folgenden Vertrag${title ? ` über ${title}` : ''}${offer ? ` auf Grundlage unseres Angebots ${offer}` : ''}.`,
    terms: 'Vertragsbedingungen', type: 'Vertragsart', start: 'Vertragsbeginn', minimum: 'Mindestlaufzeit', end: 'Ende der Laufzeit',
    notice: 'Kündigungsfrist', noticeText: (v: string) => `${v} zum Ende der Laufzeit`, cancelBy: 'Kündigung spätestens bis',
    renewal: 'Verlängerung', renewalText: (m: number) => `stillschweigend um jeweils ${months('de', m)}, wenn nicht fristgerecht gekündigt wird`,
    noRenewal: 'keine stillschweigende Verlängerung', annual: 'Jahreswert (netto)', items: 'Vertragsgegenstand',
    cancelNote: (d: string) => `Eine Kündigung muss uns spätestens am ${d} zugehen, damit der Vertrag zum Ende der Laufzeit endet.`,
    endNote: (d: string) => `Der Vertrag endet am ${d}, ohne dass es einer Kündigung bedarf.`,
    closingLine: 'Wir freuen uns auf die Zusammenarbeit und stehen für Fragen jederzeit gern zur Verfügung.',
    units: { days: ['Tag', 'Tage'], weeks: ['Woche', 'Wochen'], months: ['Monat', 'Monate'] },
  },
  en: {
    subject: 'Contract confirmation', number: 'Contract no.', date: 'Date', customerNumber: 'Customer no.',
    intro: (title: string, offer: string) => `thank you for your trust. We hereby confirm the following contract${title ? ` for ${title}` : ''}${offer ? ` based on our offer ${offer}` : ''}.`,
    terms: 'Terms', type: 'Contract type', start: 'Start', minimum: 'Minimum term', end: 'End of term',
    notice: 'Notice period', noticeText: (v: string) => `${v} to the end of the term`, cancelBy: 'Notice to be received by',
    renewal: 'Renewal', renewalText: (m: number) => `renews automatically for ${months('en', m)} at a time unless cancelled in time`,
    noRenewal: 'no automatic renewal', annual: 'Annual value (net)', items: 'Subject of the contract',
    cancelNote: (d: string) => `A notice of termination must reach us by ${d} at the latest for the contract to end at the end of the term.`,
    endNote: (d: string) => `The contract ends on ${d} without any notice being required.`,
    closingLine: 'We look forward to working with you and are happy to answer any questions.',
    units: { days: ['day', 'days'], weeks: ['week', 'weeks'], months: ['month', 'months'] },
  },
} as const

function months(lang: 'de' | 'en', n: number): string {
  const [one, many] = TEXT[lang].units.months
  return `${n} ${n === 1 ? one : many}`
}

/** The contract confirmation; `logo` comes from the device's profile at render time. */
export async function renderContractLetter(input: ContractLetterInput, logo: Buffer | null = null): Promise<{ buffer: Buffer; warnings: string[] }> {
  const t = TEXT[input.language]
  const f = formats(input.language)
  const [one, many] = t.units[input.notice.unit]
  const notice = input.notice.value > 0 ? t.noticeText(`${input.notice.value} ${input.notice.value === 1 ? one : many}`) : '–'
  const rows: Array<[string, string, boolean]> = [
    [t.type, input.typeLabel, false],
    [t.start, f.date(input.startDate), false],
    [t.minimum, months(input.language, input.minimumTermMonths), false],
    [t.end, f.date(input.endDate), false],
    [t.notice, notice, false],
    [t.cancelBy, f.date(input.cancelBy), true],
    [t.renewal, input.renewalMonths > 0 ? t.renewalText(input.renewalMonths) : t.noRenewal, false],
    [t.annual, f.money(input.annualValueCents), true],
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
  const body: Array<Paragraph | Table> = [
    para(t.intro(input.title, input.offerNumber)),
    para([run(t.terms, { bold: true })], { spacing: { before: 200, after: 120 } }),
    termsTable,
    para(input.renewalMonths > 0 ? t.cancelNote(f.date(input.cancelBy)) : t.endNote(f.date(input.endDate)), { spacing: { before: 200, after: 120 } }),
  ]
  if (input.items.length > 0) {
    body.push(para([run(t.items, { bold: true })], { spacing: { before: 200, after: 120 } }))
    body.push(itemTable(input, f))
  }
  return renderLetter({
    language: input.language, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [[t.customerNumber, input.customerNumber], [t.number, input.contractNumber], [t.date, f.date(input.date)]],
    subject: `${t.subject} ${input.contractNumber} – ${input.title}`, body, closingLine: t.closingLine, logo,
  })
}
