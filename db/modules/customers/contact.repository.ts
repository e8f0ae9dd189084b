// SQL for contacts: lookups and the paged list with search, filters and sort.
import { expressionBuilder, sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely'
import type { ContactListQuery } from '../../../shared/modules/customers/contact.schema'
import { foldForSort, trigramQuery } from '../../../shared/platform/search'
import type { CompanyTable, ContactTable } from './customers.table'
import type { Database } from '../../database.types'
import { countMatchesUpTo, countUpTo } from '../../platform/capped-count'
import { allOf, inSet, pageForm, type PageForm } from '../../platform/match-set'

export type ContactRow = Selectable<ContactTable> & { company_name: string; persona_name: string | null }

export function findContact(db: Kysely<Database>, id: string): Promise<ContactRow | undefined> {
  return db
    .selectFrom('contacts as k')
    .innerJoin('companies as c', 'c.id', 'k.company_id')
    .leftJoin('personas as p', (join) => join.onRef('p.id', '=', 'k.persona_id').on('p.deleted_at', 'is', null))
    .selectAll('k')
    .select(['c.name as company_name', 'p.name as persona_name'])
    .where('k.id', '=', id)
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst()
}

export async function contactCompanyId(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('contacts').select('company_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  return row?.company_id
}

const SORT_COLUMNS = {
  lastName: ['k.sort_name'],
  companyName: ['c.sort_name', 'k.sort_name'],
  buyingRole: ['k.buying_role', 'k.sort_name'],
  updatedAt: ['k.updated_at'],
} as const

export async function listContacts(db: Kysely<Database>, q: Required<ContactListQuery>, countAhead?: number) {
  const on = expressionBuilder<{ k: ContactTable; c: CompanyTable }, 'k' | 'c'>()
  const filters: Expression<SqlBool>[] = [on('k.deleted_at', 'is', null), on('c.deleted_at', 'is', null)]
  const match = q.search ? trigramQuery(q.search) : null
  if (q.search && !match) {
    const prefix = foldForSort(q.search.trim())
    filters.push(on('k.sort_name', '>=', prefix), on('k.sort_name', '<', `${prefix}\uffff`))
  }
  if (q.companyId) filters.push(on('k.company_id', '=', q.companyId))
  if (q.buyingRole) filters.push(on('k.buying_role', '=', q.buyingRole))
  if (q.attitude) filters.push(on('k.attitude', '=', q.attitude))
  const filtered = (form: PageForm) => {
    let base = db.selectFrom('contacts as k').innerJoin('companies as c', 'c.id', 'k.company_id')
    for (const filter of filters) base = base.where(filter)
    return match ? base.where(inSet(form, 'k.local_seq', sql`select rowid from contacts_fts where contacts_fts match ${match}`)) : base
  }

  // As the touchpoint list: a search counted from its index joined to the rows, many matches walk the sort's index.
  const count = match
    ? await countMatchesUpTo(db, (limit) => sql`select 1 from contacts_fts f cross join contacts k on k.local_seq = f.rowid join companies c on c.id = k.company_id
        where f.contacts_fts match ${match} and ${allOf(filters)} limit ${limit}`, q, countAhead)
    : await countUpTo(db, filtered('lookUp'), q, countAhead)
  let page = filtered(pageForm(count, q.sort !== 'companyName')).select([
    'k.id',
    'k.company_id',
    'c.name as company_name',
    'k.salutation',
    'k.title',
    'k.first_name',
    'k.last_name',
    'k.job_function',
    'k.email',
    'k.phone',
    'k.mobile',
    'k.language',
    'k.buying_role',
    'k.attitude',
    'k.influence',
    'k.updated_at',
    // The e-mail consent as consentState reads it: given while one holds, withdrawn when all are, none without any.
    sql<'given' | 'withdrawn' | 'none'>`(select case when count(*) = 0 then 'none' when sum(g.withdrawn_on is null) > 0 then 'given' else 'withdrawn' end
      from consents g where g.contact_id = k.id and g.channel = 'email' and g.deleted_at is null)`.as('email_consent'),
  ])
  for (const column of SORT_COLUMNS[q.sort]) page = page.orderBy(column, q.dir)
  const rows = await page.orderBy('k.local_seq', q.dir).limit(q.limit).offset(q.offset).execute()
  return { rows, ...count }
}

/** Contacts with their company's name and address, for vCards; in the order of `ids`. */
export async function contactCards(db: Kysely<Database>, ids: readonly string[]) {
  const found = []
  // SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500)
    found.push(...await db
      .selectFrom('contacts as k')
      .innerJoin('companies as c', 'c.id', 'k.company_id')
      .selectAll('k')
      .select(['c.name as company_name', 'c.street as company_street', 'c.postal_code as company_postal_code', 'c.city as company_city'])
      .where('k.id', 'in', chunk)
      .where('k.deleted_at', 'is', null)
      .execute())
  }
  const byId = new Map(found.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
export type ContactCardRow = Awaited<ReturnType<typeof contactCards>>[number]
