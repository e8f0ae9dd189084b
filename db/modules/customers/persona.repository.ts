// SQL for personas; few per company, so the list is not paged.
import { sql, type Kysely, type Selectable } from 'kysely'
import type { Database } from '../../database.types'
import type { PersonaTable } from './customers.table'

export type PersonaRow = Selectable<PersonaTable> & { contact_count: number }

const withContactCount = sql<number>`(select count(*) from contacts k where k.persona_id = p.id and k.deleted_at is null)`

export function listPersonas(db: Kysely<Database>): Promise<PersonaRow[]> {
  return db.selectFrom('personas as p').selectAll('p').select(withContactCount.as('contact_count')).where('p.deleted_at', 'is', null).orderBy('p.name').execute()
}

export function findPersona(db: Kysely<Database>, id: string): Promise<PersonaRow | undefined> {
  return db.selectFrom('personas as p').selectAll('p').select(withContactCount.as('contact_count')).where('p.id', '=', id).where('p.deleted_at', 'is', null).executeTakeFirst()
}
