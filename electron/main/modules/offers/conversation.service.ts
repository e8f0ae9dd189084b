// The pre-offer conversation (Vorangebotsgespräch) and its buying center.
import type { Transaction } from 'kysely'
import { newId } from '../../../../db/platform/ids'
import type { Database } from '../../../../db/database.types'
import { deleteSynced, insertSynced, updateSynced, type InsertColumns, type UpdatePatch } from '../../../../db/platform/synced-writes'
import type { ConversationFields } from '../../../../shared/modules/offers/offer.schema'
import type { Conversation } from '../../../../shared/modules/offers/offer.types'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'

const columns = (f: ConversationFields): Omit<InsertColumns<'conversations'>, 'company_id'> => ({
  held_at: f.heldAt, situation: f.situation, needs: f.needs, goals: f.goals, worries: f.worries, decision_criteria: f.decisionCriteria,
  budget: f.budget, decision_timeline: f.decisionTimeline, decision_process: f.decisionProcess, competitors: f.competitors, next_steps: f.nextSteps,
})

async function saveParticipants(trx: Transaction<Database>, conversationId: string, f: ConversationFields, now: string): Promise<void> {
  const contacts = await trx.selectFrom('contacts').select(['id', 'company_id']).where('id', 'in', f.participants.length ? f.participants.map((p) => p.contactId) : ['']).execute()
  for (const [i, p] of f.participants.entries()) {
    if (contacts.find((c) => c.id === p.contactId)?.company_id !== f.companyId) throw fieldError(`participants.${i}.contactId`, 'errors.contactNotOfCompany')
  }
  const existing = await trx.selectFrom('conversation_participants').select(['id', 'contact_id']).where('conversation_id', '=', conversationId).where('deleted_at', 'is', null).execute()
  for (const p of f.participants) {
    const values: UpdatePatch<'conversation_participants'> = { buying_role: p.buyingRole, influence: p.influence, attitude: p.attitude, cares_about: p.caresAbout }
    const current = existing.find((e) => e.contact_id === p.contactId)
    if (current) await updateSynced(trx, 'conversation_participants', current.id, values, now)
    else await insertSynced(trx, 'conversation_participants', { id: newId(), conversation_id: conversationId, company_id: f.companyId, contact_id: p.contactId, ...values }, now)
  }
  for (const gone of existing.filter((e) => !f.participants.some((p) => p.contactId === e.contact_id))) await deleteSynced(trx, 'conversation_participants', gone.id, now)
}

export async function createConversation(ctx: ServiceContext, f: ConversationFields): Promise<Conversation> {
  const now = nowIso(ctx)
  const id = newId()
  await ctx.db.transaction().execute(async (trx) => {
    const company = await trx.selectFrom('companies').select('id').where('id', '=', f.companyId).where('deleted_at', 'is', null).executeTakeFirst()
    if (!company) throw fieldError('companyId', 'errors.companyNotFound')
    await insertSynced(trx, 'conversations', { id, company_id: f.companyId, created_by: ctx.userId, ...columns(f) }, now)
    await saveParticipants(trx, id, f, now)
  })
  return getConversation(ctx, id)
}

export async function updateConversation(ctx: ServiceContext, id: string, f: ConversationFields): Promise<Conversation> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('conversations').select('company_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
    if (!existing) throw new AppError('not_found', 'errors.notFound')
    if (existing.company_id !== f.companyId) throw fieldError('companyId', 'errors.offerCompanyFixed')
    await updateSynced(trx, 'conversations', id, columns(f), now)
    await saveParticipants(trx, id, f, now)
  })
  return getConversation(ctx, id)
}

export async function getConversation(ctx: ServiceContext, id: string): Promise<Conversation> {
  const c = await ctx.db.selectFrom('conversations as v').innerJoin('companies as c', 'c.id', 'v.company_id').selectAll('v').select('c.name as company_name')
    .where('v.id', '=', id).where('v.deleted_at', 'is', null).executeTakeFirst()
  if (!c) throw new AppError('not_found', 'errors.notFound')
  const participants = await ctx.db.selectFrom('conversation_participants as p').innerJoin('contacts as k', 'k.id', 'p.contact_id')
    .select(['p.contact_id', 'p.buying_role', 'p.influence', 'p.attitude', 'p.cares_about', 'k.first_name', 'k.last_name'])
    .where('p.conversation_id', '=', id).where('p.deleted_at', 'is', null).orderBy('k.sort_name').execute()
  const offers = await ctx.db.selectFrom('offers').select((eb) => eb.fn.countAll().as('n')).where('conversation_id', '=', id).where('deleted_at', 'is', null).executeTakeFirstOrThrow()
  return {
    id: c.id, companyId: c.company_id, companyName: c.company_name, heldAt: c.held_at, situation: c.situation, needs: c.needs, goals: c.goals, worries: c.worries,
    decisionCriteria: c.decision_criteria, budget: c.budget, decisionTimeline: c.decision_timeline, decisionProcess: c.decision_process,
    competitors: c.competitors, nextSteps: c.next_steps, offerCount: Number(offers.n),
    participants: participants.map((p) => ({
      contactId: p.contact_id, contactName: `${p.first_name} ${p.last_name}`.trim(), buyingRole: p.buying_role, influence: p.influence, attitude: p.attitude, caresAbout: p.cares_about,
    })),
  }
}

export async function listConversations(ctx: ServiceContext, companyId: string): Promise<Conversation[]> {
  const rows = await ctx.db.selectFrom('conversations').select('id').where('company_id', '=', companyId).where('deleted_at', 'is', null).orderBy('held_at', 'desc').execute()
  return Promise.all(rows.map((r) => getConversation(ctx, r.id)))
}
