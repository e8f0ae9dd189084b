// The Art. 15 letter to the person as a letter model (DIN 5008, like the offer letter; written as DOCX
// or PDF by electron/main/platform/documents): their master data, the records that
// name them (touchpoints, conversations, offers with the letters sent, contracts, cases, referrals,
// feedback), the purposes and legal basis, recipients and retention, and their rights. The texts are
// `letter.access.*` (shared/modules/dsgvo/access.texts.ts) and the letter's common ones.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { AccessReport } from '../../../../shared/modules/dsgvo/access-report.types'
import type { LetterParties } from '../../../../shared/platform/letter.types'
import { formatCents } from '../../../../shared/platform/money'
import { formats, paragraph, type LetterBlock, type LetterLabelRow, type LetterModel } from '../../platform/documents/letter-model'

export interface AccessLetterInput {
  language: 'de' | 'en'
  seller: LetterParties['seller']
  recipient: LetterParties['recipient']
  rep: LetterParties['rep']
  customerNumber: string
  date: string
  report: AccessReport
}

/** A two-column table: label and value, one row each. */
const pairs = (rows: Array<[string, string]>): LetterBlock => ({ kind: 'labels', labelWidth: 32, rows: rows.map(([label, value]): LetterLabelRow => ({ label, value })) })

const heading = (text: string): LetterBlock => ({ kind: 'heading', text })

/** The Art. 15 letter's model; `logo` comes from the device's profile at render time. */
export function accessLetterModel(input: AccessLetterInput, logo: Buffer | null): LetterModel {
  const lang = input.language
  const f = formats(lang)
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key as never, params as never)
  const r = input.report
  const p = r.person
  const day = (iso: string) => (iso ? f.date(iso) : '')
  const personal: Array<[string, string]> = [
    [t('letter.access.field.name'), [p.title, p.firstName, p.lastName].filter(Boolean).join(' ')],
    [t('letter.access.field.jobFunction'), p.jobFunction],
    [t('letter.access.field.company'), r.company.name],
    [t('letter.access.field.email'), p.email],
    [t('letter.access.field.phone'), p.phone],
    [t('letter.access.field.mobile'), p.mobile],
    [t('letter.access.field.language'), p.language ? translateEnum(lang, 'language', p.language as 'de' | 'en') : ''],
    [t('letter.access.field.notes'), [p.goals, p.worries, p.notes].filter(Boolean).join('\n')],
    [t('letter.access.field.since'), day(p.createdAt)],
  ]
  const list = (items: string[]) => (items.length > 0 ? items.join('\n') : t('letter.access.none'))
  const records: Array<[string, string]> = [
    [t('access.count.touchpoints', { count: r.touchpoints.length }), list(r.touchpoints.map((x) => `${day(x.occurredAt)}: ${x.summary}`))],
    [t('access.count.conversations', { count: r.conversations.length }), list(r.conversations.map((x) => `${day(x.heldAt)}${x.caresAbout ? `: ${x.caresAbout}` : ''}`))],
    [t('access.count.offers', { count: r.offers.length }), list(r.offers.map((x) => `${x.number}, ${day(x.offerDate)}, ${formatCents(x.grossCents, lang)}`))],
    [t('access.count.contracts', { count: r.contracts.length }), list(r.contracts.map((x) => `${x.number}${x.title ? ` – ${x.title}` : ''}, ${day(x.startDate)}`))],
    [t('access.count.cases', { count: r.cases.length }), list(r.cases.map((x) => `${x.number}, ${day(x.receivedAt)}: ${x.subject}`))],
    [t('access.count.referrals', { count: r.referrals.length }), list(r.referrals.map((x) => `${day(x.createdAt)}: ${x.referredCompany}`))],
    [t('access.count.feedback', { count: r.feedback.length }), list(r.feedback.map((x) => `${day(x.givenOn)}${x.score !== null ? ` (${x.score})` : ''}${x.comment ? `: ${x.comment}` : ''}`))],
    [t('access.count.consents', { count: r.consents.length }), list(r.consents.map((x) => `${translateEnum(lang, 'consentChannel', x.channel as never)}, ${translateEnum(lang, 'consentPurpose', x.purpose as never)}: ${day(x.givenOn)}${x.source ? ` (${x.source})` : ''}${x.withdrawnOn ? ` – ${t('letter.access.withdrawn', { date: day(x.withdrawnOn) })}` : ''}`))],
    [t('access.count.promises', { count: r.promises.length }), list(r.promises.map((x) => `${day(x.dueDate)}: ${x.title}`))],
    [t('access.count.tasks', { count: r.tasks.length }), list(r.tasks.map((x) => `${day(x.dueDate)}: ${x.title}${x.outcome ? ` – ${x.outcome}` : ''}`))],
    [t('access.count.appointments', { count: r.appointments.length }), list(r.appointments.map((x) => `${day(`${x.startsAt.slice(0, 10)}T12:00:00Z`)} ${x.startsAt.slice(11, 16)}: ${x.title}${x.location ? `, ${x.location}` : ''}`))],
  ]
  const body: LetterBlock[] = [
    paragraph(t('letter.access.intro')),
    heading(t('letter.access.personal')), pairs(personal),
    heading(t('letter.access.records')), pairs(records),
    heading(t('letter.access.purposes')), paragraph(t('letter.access.purposesText', { company: input.seller.name })),
    heading(t('letter.access.recipients')), paragraph(t('letter.access.recipientsText')),
    heading(t('letter.access.rights')), paragraph(t('letter.access.rightsText'), { keepWithClosing: true }),
  ]
  return {
    language: lang, seller: input.seller, recipient: input.recipient, rep: input.rep,
    info: [[translate(lang, 'letter.common.customerNumber'), input.customerNumber], [translate(lang, 'letter.common.date'), f.date(input.date)]],
    subject: t('letter.access.subject'), body, closingLine: t('letter.access.closingLine'), date: input.date, logo,
  }
}
