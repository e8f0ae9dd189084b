// Composing a mail about a record from its template (salutation as in the letter, the rep's signature, the
// contact's correspondence language), and queueing it: the offer's revision is frozen and its PDF built into the
// message in the same transaction that puts the mail in the outbox, so what leaves is that revision's document.
import { letterParties } from '../../platform/documents/letters'
import { translate } from '../../../../shared/i18n'
import { salutationLine } from '../../../../shared/platform/letter-salutation'
import { AppError } from '../../../../shared/platform/result'
import type { CompanyProfile, LetterRep } from '../../../../shared/platform/letter.types'
import type { MailAddress } from '../../../../shared/modules/customers'
import { fillTemplate, type MailCandidate, type MailDraft, type MailPurpose } from '../../../../shared/modules/mail'
import type { ServiceContext } from '../../platform/context'
import { recordFacts, type RecordFacts } from './compose-facts'
import { templateOf } from './mail-templates.service'

type Language = 'de' | 'en'

/**
 * The rep's signature: the closing with its regional greeting as in the letter, name and title, and the company's
 * details a German business mail must carry (§ 35a GmbHG, § 37a HGB: seat, register court and number, managing
 * directors) — taken from the letterhead of this device's profile.
 */
export function signatureOf(language: Language, seller: CompanyProfile, rep: LetterRep, recipientCity: string): string {
  const city = recipientCity.trim()
  const greeting = city ? translate(language, 'letter.common.greetingTo', { city }) : translate(language, 'letter.common.greeting')
  const phone = [rep.phone || seller.phone ? `${translate(language, 'letter.common.phone')} ${rep.phone || seller.phone}` : '', rep.mobile ? `${translate(language, 'letter.common.mobile')} ${rep.mobile}` : '']
  const legal = [
    seller.registerCourt && seller.city ? translate(language, 'letter.common.registeredOffice', { city: seller.city }) : '',
    [seller.registerCourt, seller.registerNumber].filter(Boolean).join(' '),
    seller.managingDirectors ? `${translate(language, 'letter.common.managingDirectors')}: ${seller.managingDirectors}` : '',
  ]
  return [
    greeting, '', rep.name, rep.jobTitle, seller.name, [seller.street, [seller.postalCode, seller.city].filter(Boolean).join(' ')].filter(Boolean).join(' · '),
    phone.filter(Boolean).join(' · '), [rep.email || seller.email, seller.website].filter(Boolean).join(' · '), legal.filter(Boolean).join(' · '),
  ].filter((line, i) => i === 1 || line).join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()
}

async function contactOf(ctx: ServiceContext, companyId: string, contactId: string) {
  if (!contactId) return undefined
  const contact = await ctx.db.selectFrom('contacts').selectAll().where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst()
  if (contact && contact.company_id !== companyId) throw new AppError('validation', 'errors.contactNotOfCompany')
  return contact
}

/** The company's contacts with an e-mail address (its buying center), the record's own contact first. */
async function candidatesOf(ctx: ServiceContext, companyId: string, firstId: string): Promise<MailCandidate[]> {
  const rows = await ctx.db.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email', 'job_function', 'buying_role'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null).where('email', '!=', '').orderBy('last_name').execute()
  return rows.map((r) => ({ contactId: r.id, name: `${r.first_name} ${r.last_name}`.trim(), address: r.email.toLowerCase(), jobFunction: r.job_function, buyingRole: r.buying_role }))
    .sort((a, b) => Number(b.contactId === firstId) - Number(a.contactId === firstId))
}

/** The mail's language, recipients and text from the template; the attachment's name and size when it has one. */
export async function composeMail(
  ctx: ServiceContext,
  input: { purpose: MailPurpose; relatedId: string; revision?: number | undefined; contactId?: string | undefined },
  sender: MailAddress | null,
): Promise<MailDraft> {
  const facts = await recordFacts(ctx, input.purpose, input.relatedId, input.revision)
  const contact = await contactOf(ctx, facts.companyId, input.contactId ?? facts.contactId)
  const parties = await letterParties(ctx, facts.companyId, contact?.id ?? '', facts.ownerId)
  const language: Language = parties.language
  const template = await templateOf(ctx, input.purpose, language)
  const values = {
    salutation: salutationLine({ recipient: parties.recipient, language }),
    contactName: contact ? `${contact.first_name} ${contact.last_name}`.trim() : '',
    companyName: parties.recipient.companyName,
    senderName: parties.rep.name,
    signature: signatureOf(language, parties.seller, parties.rep, parties.recipient.city),
    ...facts.values(language),
  }
  const warnings: string[] = []
  if (!sender) warnings.push('mail.warning.noSmtp')
  if (contact && !contact.email) warnings.push('mail.warning.noEmail')
  if (contact && await consentWithdrawn(ctx, contact.id)) warnings.push('mail.warning.consentWithdrawn')
  if (await outboxPending(ctx, input.relatedId)) warnings.push('mail.warning.outboxPending')
  const attachment = facts.attachment ? await facts.attachment(ctx.db) : null
  return {
    purpose: input.purpose, relatedId: input.relatedId, ...(input.revision ? { revision: input.revision } : {}), language, from: sender,
    to: contact?.email ? [{ name: values.contactName, address: contact.email.toLowerCase() }] : [], cc: [], bcc: [],
    subject: fillTemplate(template.subject, values), body: fillTemplate(template.body, values),
    attachments: attachment ? [{ name: attachment.fileName, size: attachment.buffer.length }] : [],
    candidates: await candidatesOf(ctx, facts.companyId, contact?.id ?? ''), warnings,
  }
}

async function consentWithdrawn(ctx: ServiceContext, contactId: string): Promise<boolean> {
  const rows = await ctx.db.selectFrom('consents').select(['withdrawn_on']).where('contact_id', '=', contactId).where('channel', '=', 'email').where('deleted_at', 'is', null).execute()
  return rows.length > 0 && rows.every((r) => r.withdrawn_on !== null)
}

async function outboxPending(ctx: ServiceContext, relatedId: string): Promise<boolean> {
  const row = await ctx.db.selectFrom('mail_outbox').select('id').where('related_id', '=', relatedId).where('status', 'in', ['queued', 'sending', 'failed']).executeTakeFirst()
  return row !== undefined
}

export type { RecordFacts }
