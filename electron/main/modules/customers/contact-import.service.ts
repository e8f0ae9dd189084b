// vCard import: each card finds its company by ORG (the exact name, case aside) or takes the one the user
// picked, finds its contact by e-mail (else by first and last name within the company) to update it, or
// creates one. A dry run says what would happen; the real run writes every importable card in one
// transaction through the contact schema and writes, so a card is checked exactly as the form is.
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { contactFieldsSchema, type ContactFields, type ContactFieldsInput } from '../../../../shared/modules/customers/contact.schema'
import type { ContactVcardImportInput, VcardImportProblem, VcardImportReport } from '../../../../shared/modules/customers/contact-import.schema'
import { LANGUAGES } from '../../../../shared/modules/customers/customer.enums'
import { toFieldErrors } from '../../../../shared/platform/field-errors'
import { fieldError } from '../../../../shared/platform/result'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { nowIso, type ServiceContext } from '../../platform/context'
import { getContact, insertContact, writeContact } from './contact.service'
import { readVcards, type CardDraft } from './contact-vcard-read'

type Planned = { card: number; id: string | null; fields: ContactFields }

const fold = (s: string) => s.trim().toLocaleLowerCase('de')

async function findExisting(db: Kysely<Database>, draft: CardDraft, companyId: string): Promise<string | undefined> {
  const live = db.selectFrom('contacts').select('id').where('deleted_at', 'is', null)
  if (draft.email) {
    const byEmail = await live.where(sql<string>`lower(email)`, '=', draft.email.toLowerCase()).executeTakeFirst()
    if (byEmail) return byEmail.id
  }
  if (!companyId || !draft.lastName) return undefined
  const byName = await live.where('company_id', '=', companyId).where('first_name', '=', draft.firstName).where('last_name', '=', draft.lastName).executeTakeFirst()
  return byName?.id
}

async function plan(ctx: ServiceContext, db: Kysely<Database>, drafts: CardDraft[], chosenCompanyId: string) {
  const companies = await db.selectFrom('companies').select(['id', 'name']).where('deleted_at', 'is', null).execute()
  const byName = new Map(companies.map((c) => [fold(c.name), c.id]))
  if (chosenCompanyId && !companies.some((c) => c.id === chosenCompanyId)) throw fieldError('companyId', 'errors.companyNotFound')
  const planned: Planned[] = []
  const problems: VcardImportProblem[] = []
  const seen = new Set<string>()
  let needsCompany = false
  for (const draft of drafts) {
    const skip = (field: string, key: string) => void problems.push({ card: draft.number, field, key, skipped: true })
    if (draft.version !== '3.0' && draft.version !== '4.0') { skip('version', 'errors.vcardVersion'); continue }
    const orgCompanyId = draft.org ? byName.get(fold(draft.org)) : undefined
    let companyId = orgCompanyId ?? chosenCompanyId
    const existingId = await findExisting(db, draft, companyId)
    const existing = existingId ? await getContact(ctx, existingId, db) : undefined
    // A known contact stays at its company unless the card's ORG names another known one.
    if (existing && !orgCompanyId) companyId = existing.companyId
    if (!companyId) { needsCompany = true; skip('companyId', 'errors.vcardCompanyNeeded'); continue }
    if (draft.unknownSalutation) problems.push({ card: draft.number, field: 'salutation', key: 'errors.vcardSalutationUnknown', skipped: false })
    const fromCard = {
      companyId,
      title: draft.title,
      firstName: draft.firstName,
      lastName: draft.lastName,
      jobFunction: draft.jobFunction,
      email: draft.email,
      phone: draft.phone,
      mobile: draft.mobile,
    }
    const language = isOneOf(LANGUAGES, draft.language) ? draft.language : undefined
    const input: ContactFieldsInput = existing
      ? {
        ...existing,
        // What the card holds replaces; what it lacks keeps its value (buying role, notes, persona …).
        ...Object.fromEntries(Object.entries(fromCard).filter(([, v]) => v !== '')),
        salutation: draft.salutation !== 'none' ? draft.salutation : existing.salutation,
        language: language ?? existing.language,
      }
      : { ...fromCard, salutation: draft.salutation, language: language ?? 'de' }
    const checked = contactFieldsSchema.safeParse(input)
    if (!checked.success) {
      for (const [field, key] of Object.entries(toFieldErrors(checked.error))) skip(field, key)
      continue
    }
    const key = existingId ?? `${companyId}\n${fold(draft.email) || `${fold(draft.firstName)}\n${fold(draft.lastName)}`}`
    if (seen.has(key)) { skip('email', 'errors.vcardDuplicateInFile'); continue }
    seen.add(key)
    planned.push({ card: draft.number, id: existingId ?? null, fields: checked.data })
  }
  return { planned, problems, needsCompany }
}

export async function importVcards(ctx: ServiceContext, input: Required<ContactVcardImportInput>): Promise<VcardImportReport> {
  const drafts = readVcards(Buffer.from(input.base64, 'base64'))
  const reportOf = ({ planned, problems, needsCompany }: Awaited<ReturnType<typeof plan>>): VcardImportReport => ({
    dryRun: input.dryRun,
    cards: drafts.length,
    created: planned.filter((p) => !p.id).length,
    updated: planned.filter((p) => p.id).length,
    skipped: drafts.length - planned.length,
    needsCompany,
    problems,
  })
  if (input.dryRun) return reportOf(await plan(ctx, ctx.db, drafts, input.companyId))
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    const result = await plan(ctx, trx, drafts, input.companyId)
    for (const p of result.planned) {
      if (p.id) await writeContact(trx, p.id, p.fields, now)
      else await insertContact(trx, p.fields, now)
    }
    return reportOf(result)
  })
}
