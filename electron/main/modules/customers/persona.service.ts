// Persona use cases: the typing matrix, linked to contacts.
import type { Kysely } from 'kysely'
import { findPersona, listPersonas as queryPersonas } from '../../../../db/modules/customers/persona.repository'
import { newId } from '../../../../db/platform/ids'
import { deleteSynced, insertSynced, updateSynced } from '../../../../db/platform/synced-writes'
import type { Database } from '../../../../db/database.types'
import type { Persona } from '../../../../shared/modules/customers/customer.types'
import type { PersonaFields } from '../../../../shared/modules/customers/persona.schema'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { personaColumns, toPersona } from './customers.mappers'

export async function getPersona(ctx: ServiceContext, id: string, db: Kysely<Database> = ctx.db): Promise<Persona> {
  const row = await findPersona(db, id)
  if (!row) throw new AppError('not_found', 'errors.notFound')
  return toPersona(row)
}

export async function listPersonas(ctx: ServiceContext): Promise<Persona[]> {
  return (await queryPersonas(ctx.db)).map(toPersona)
}

export async function createPersona(ctx: ServiceContext, fields: PersonaFields): Promise<Persona> {
  return ctx.db.transaction().execute(async (trx) => {
    const id = newId()
    await insertSynced(trx, 'personas', { id, ...personaColumns(fields) }, nowIso(ctx))
    return getPersona(ctx, id, trx)
  })
}

export async function updatePersona(ctx: ServiceContext, id: string, fields: PersonaFields): Promise<Persona> {
  return ctx.db.transaction().execute(async (trx) => {
    await updateSynced(trx, 'personas', id, personaColumns(fields), nowIso(ctx))
    return getPersona(ctx, id, trx)
  })
}

export async function deletePersona(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute((trx) => deleteSynced(trx, 'personas', id, nowIso(ctx)))
  return { id }
}
