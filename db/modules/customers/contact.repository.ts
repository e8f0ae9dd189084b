// SQL for contacts: lookups and the paged list with search, filters and sort.
import { sql, type Kysely, type Selectable } from 'kysely'
import type { ContactListQuery } from '../../../shared/modules/customers/contact.schema'
import { foldForSort, trigramQuery } from '../../../shared/platform/search'
import type { ContactTable } from './customers.table'
import type { Database } from '../../database.types'
import { countUpTo } from '../../platform/capped-count'

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
  let base = db.selectFrom('contacts as k').innerJoin('companies as c', 'c.id', 'k.company_id').where('k.deleted_at', 'is', null).where('c.deleted_at', 'is', null)
  if (q.search) {
    const match = trigramQuery(q.search)
    if (match) {
      base = base.where(sql<boolean>`k.local_seq in (select rowid from contacts_fts where contacts_fts match ${match})`)
    } else {
      const prefix = foldForSort(q.search.trim())
      base = base.where((eb) => eb.and([eb('k.sort_name', '>=', prefix), eb('k.sort_name', '<', `${prefix}\uffff`)]))
    }
  }
  if (q.companyId) base = base.where('k.company_id', '=', q.companyId)
  if (q.buyingRole) base = base.where('k.buying_role', '=', q.buyingRole)
  if (q.attitude) base = base.where('k.attitude', '=', q.attitude)

  const count = await countUpTo(db, base, q, countAhead)
  let page = base.select([
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
