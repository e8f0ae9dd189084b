// Duplicates: the list of likely duplicate companies or contacts with reasons and score (the pure rules in
// shared/modules/customers/duplicate.*.ts over every live record), the check while a company is typed, and
// "kein Duplikat", kept on this device. A company's e-mail domains are its contacts'.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { readSettings, writeSetting } from '../../../../db/platform/local.repository'
import {
  companyDuplicateScore, contactDuplicateScore, findDuplicateCompanies, findDuplicateContacts, LIKELY_DUPLICATE_SCORE, matchingPerson, MAX_LISTED_DUPLICATES,
  type ContactDuplicateCandidate, type ContactDuplicateCheckInput, type DuplicateCandidate, type DuplicateCheckInput, type DuplicateCompany, type DuplicateContact, type DuplicateKind, type DuplicateList, type DuplicatePairView,
} from '../../../../shared/modules/customers'
import { foldForSort } from '../../../../shared/platform/search'
import type { ServiceContext } from '../../platform/context'

const DISMISSED_KEY = 'duplicates.dismissed'
const pairKey = (kind: DuplicateKind, a: string, b: string) => `${kind}:${[a, b].sort().join(':')}`

async function dismissed(db: Kysely<Database>): Promise<Set<string>> {
  const raw = (await readSettings(db))[DISMISSED_KEY]
  try {
    const list: unknown = raw ? JSON.parse(raw) : []
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Every live company as the duplicate list shows it, with its contacts' e-mail domains and its counts. */
export async function duplicateCompanies(db: Kysely<Database>, ids?: readonly string[]): Promise<Array<DuplicateCompany & { emailDomains: string[] }>> {
  let query = db.selectFrom('companies as c')
    .leftJoin('users as u', 'u.id', 'c.owner_id')
    .select([
      'c.id', 'c.name', 'c.customer_number', 'c.former_numbers', 'c.street', 'c.postal_code', 'c.city', 'c.federal_state', 'c.industry', 'c.segment',
      'c.status', 'c.owner_id', 'u.display_name as owner_name', 'c.lead_source', 'c.notes', 'c.updated_at',
      sql<number>`(select count(*) from contacts k where k.company_id = c.id and k.deleted_at is null)`.as('contacts'),
      sql<number>`(select count(*) from offers o where o.company_id = c.id and o.deleted_at is null)`.as('offers'),
      sql<string | null>`(select group_concat(distinct lower(substr(k.email, instr(k.email, '@') + 1))) from contacts k where k.company_id = c.id and k.deleted_at is null and k.email <> '')`.as('domains'),
    ])
    .where('c.deleted_at', 'is', null)
  if (ids) query = query.where('c.id', 'in', ids.length > 0 ? [...ids] : [''])
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id, name: r.name, customerNumber: r.customer_number, formerNumbers: r.former_numbers, street: r.street, postalCode: r.postal_code, city: r.city,
    federalState: r.federal_state, industry: r.industry, segment: r.segment, status: r.status, ownerId: r.owner_id, ownerName: r.owner_name ?? '',
    leadSource: r.lead_source, notes: r.notes, contacts: Number(r.contacts), offers: Number(r.offers), updatedAt: r.updated_at,
    emailDomains: r.domains ? r.domains.split(',') : [],
  }))
}

async function duplicateContacts(db: Kysely<Database>): Promise<DuplicateContact[]> {
  const rows = await db.selectFrom('contacts as k').innerJoin('companies as c', 'c.id', 'k.company_id')
    .select(['k.id', 'k.company_id', 'c.name as company_name', 'k.first_name', 'k.last_name', 'k.email', 'k.phone', 'k.mobile'])
    .where('k.deleted_at', 'is', null).where('c.deleted_at', 'is', null).execute()
  return rows.map((r) => ({ id: r.id, companyId: r.company_id, companyName: r.company_name, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, mobile: r.mobile }))
}

const strip = ({ emailDomains: _, ...company }: DuplicateCompany & { emailDomains: string[] }): DuplicateCompany => company

export async function listDuplicates(ctx: ServiceContext, kind: DuplicateKind): Promise<DuplicateList<DuplicateCompany> | DuplicateList<DuplicateContact>> {
  const hidden = await dismissed(ctx.db)
  const keep = <T extends { id: string }>(pairs: Array<DuplicatePairView<T>>) => pairs.filter((p) => !hidden.has(pairKey(kind, p.a.id, p.b.id)))
  if (kind === 'companies') {
    const pairs = keep(findDuplicateCompanies(await duplicateCompanies(ctx.db)))
    return { total: pairs.length, pairs: pairs.slice(0, MAX_LISTED_DUPLICATES).map((p) => ({ ...p, a: strip(p.a), b: strip(p.b) })) }
  }
  const pairs = keep(findDuplicateContacts(await duplicateContacts(ctx.db)))
  return { total: pairs.length, pairs: pairs.slice(0, MAX_LISTED_DUPLICATES) }
}

/** Companies the one being typed may duplicate, best first (at most five). */
export async function checkCompanyDuplicates(ctx: ServiceContext, input: DuplicateCheckInput): Promise<DuplicateCandidate[]> {
  if (input.name.trim().length < 3 && !input.customerNumber) return []
  const typed = { id: input.exceptId || 'typed', name: input.name, customerNumber: input.customerNumber, postalCode: input.postalCode, city: input.city }
  const hidden = await dismissed(ctx.db)
  const found: DuplicateCandidate[] = []
  for (const company of await duplicateCompanies(ctx.db)) {
    if (company.id === input.exceptId || (input.exceptId && hidden.has(pairKey('companies', company.id, input.exceptId)))) continue
    const { score, reasons } = companyDuplicateScore(typed, company)
    if (score >= LIKELY_DUPLICATE_SCORE) found.push({ company: strip(company), score, reasons })
  }
  return found.sort((x, y) => y.score - x.score).slice(0, 5)
}

/**
 * Contacts the one being typed may already be (same e-mail, same or similar-sounding name, phone), best
 * first. Candidates come from an indexed pre-selection (the same e-mail, last name or phone, or the same
 * company), so the check stays fast on 60,000 contacts.
 */
export async function checkContactDuplicates(ctx: ServiceContext, input: ContactDuplicateCheckInput): Promise<ContactDuplicateCandidate[]> {
  if (input.lastName.trim().length < 2 && !input.email.trim()) return []
  const typed = { id: input.exceptId || 'typed', companyId: input.companyId, firstName: input.firstName, lastName: input.lastName, email: input.email, phone: input.phone, mobile: input.mobile }
  const rows = await ctx.db.selectFrom('contacts as k').innerJoin('companies as c', 'c.id', 'k.company_id')
    .select(['k.id', 'k.company_id', 'c.name as company_name', 'k.first_name', 'k.last_name', 'k.email', 'k.phone', 'k.mobile'])
    .where('k.deleted_at', 'is', null).where('c.deleted_at', 'is', null)
    .where((eb) => eb.or([
      ...(input.email.trim() ? [eb(sql`lower(k.email)`, '=', input.email.trim().toLowerCase())] : []),
      ...(input.lastName.trim() ? [eb(sql`lower(k.last_name)`, '=', input.lastName.trim().toLowerCase()), eb('k.sort_name', 'like', `${foldForSort(input.lastName.trim()).slice(0, 3)}%`)] : []),
      ...(input.companyId ? [eb('k.company_id', '=', input.companyId)] : []),
      ...[input.phone, input.mobile].filter((p) => p.trim()).flatMap((p) => [eb('k.phone', '=', p.trim()), eb('k.mobile', '=', p.trim())]),
    ]))
    .limit(2000).execute()
  const found: ContactDuplicateCandidate[] = []
  for (const r of rows) {
    if (r.id === input.exceptId) continue
    const contact = { id: r.id, companyId: r.company_id, companyName: r.company_name, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, mobile: r.mobile }
    const { score, reasons } = contactDuplicateScore(typed, contact)
    if (score >= LIKELY_DUPLICATE_SCORE) found.push({ contact, score, reasons })
  }
  return found.sort((x, y) => y.score - x.score).slice(0, 5)
}

/**
 * The live contact of a company who is the given person (the same e-mail address, else the same first and last
 * name: `matchingPerson`), or null. A lead converted into an existing company reuses that contact.
 */
export async function matchingContactOfCompany(
  db: Kysely<Database> | Transaction<Database>, companyId: string, person: { firstName: string; lastName: string; email: string },
): Promise<{ id: string; name: string } | null> {
  const rows = await db.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email'])
    .where('company_id', '=', companyId).where('deleted_at', 'is', null).orderBy('id').execute()
  const candidates = rows.map((r) => ({ id: r.id, companyId, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: '', mobile: '' }))
  const found = matchingPerson({ id: 'lead', companyId, ...person, phone: '', mobile: '' }, candidates)
  return found ? { id: found.id, name: `${found.firstName} ${found.lastName}`.trim() } : null
}

/** "Kein Duplikat": the pair is not listed again on this device. */
export async function dismissDuplicate(ctx: ServiceContext, kind: DuplicateKind, aId: string, bId: string): Promise<{ dismissed: true }> {
  const all = await dismissed(ctx.db)
  all.add(pairKey(kind, aId, bId))
  await writeSetting(ctx.db, DISMISSED_KEY, JSON.stringify([...all]))
  return { dismissed: true }
}
