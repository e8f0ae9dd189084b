// The lead inbox on the laptop (issue 19, docs/leads.md): new leads at or above the team's handover threshold by
// score and age, the Marketing-Leads below it only counted; a lead qualified (budget, need, timing, decision maker,
// the company's address), then converted for a field rep — company + contact + first touchpoint + the rep's
// first-contact task + the lead's decision, one transaction — or rejected with a reason from the catalogue. The
// decisions are synced updates of the lead's decision and qualification columns (the only ones a laptop may change).
// Inside sales, managers and admins work leads (right `leads.work`); everyone else is refused here and on the server.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../../../db/database.types'
import { signedInRole } from '../../../../db/platform/rights-guard'
import { updateSynced } from '../../../../db/platform/synced-writes'
import { readTeamSetting, teamOfCompany, teamSettingsEditor, writeTeamSetting } from '../../../../db/platform/team-settings'
import { companyFieldsSchema, contactFieldsSchema, touchpointFieldsSchema } from '../../../../shared/modules/customers'
import {
  FIRST_CONTACT_BUSINESS_DAYS, formatPostcodeRanges, LEAD_INBOX_PAGE, LEAD_RULES_KEY, leadEventsSchema, leadRulesOfForm, readLeadRules,
  type LeadConvertResult, type LeadInbox, type LeadInboxItem, type LeadQualification, type LeadRejectReason, type LeadRep, type LeadRulesForm, type LeadRulesView,
} from '../../../../shared/modules/leads'
import { taskFieldsSchema } from '../../../../shared/modules/planning'
import { translate } from '../../../../shared/i18n'
import { plusBusinessDays } from '../../../../shared/platform/business-days'
import { isFederalState } from '../../../../shared/platform/federal-states'
import { AppError, fieldError } from '../../../../shared/platform/result'
import { deniedKey, may } from '../../../../shared/platform/rights'
import { checkCompanyDuplicates, insertCompany, insertContact, insertTouchpoint, matchingContactOfCompany } from '../customers'
import { insertTask } from '../planning'
import { nowIso, todayOf, type ServiceContext } from '../../platform/context'

type Db = Kysely<Database> | Transaction<Database>
type LeadRow = Awaited<ReturnType<typeof loadNewLead>>

/** Lead work is inside sales', managers' and admins' (a device never connected: its one user may all). */
export async function requireLeadWork(db: Db): Promise<void> {
  const role = await signedInRole(db)
  if (role !== null && !may(role, 'leads.work')) throw new AppError('forbidden', deniedKey('leads.work'))
}

/** The field reps of the user's team (the users a lead may be assigned to); on a device never connected, its user. */
async function repsOf(db: Db, userId: string): Promise<Array<LeadRep & { teamId: string }>> {
  const editor = await teamSettingsEditor(db, userId)
  let query = db.selectFrom('users').select(['id', 'display_name', 'team_id']).where('deleted_at', 'is', null).where('team_id', '=', editor.teamId)
  query = editor.connected ? query.where('role', '=', 'field_sales') : query.where((eb) => eb.or([eb('role', '=', 'field_sales'), eb('id', '=', userId)]))
  const rows = await query.orderBy('display_name').execute()
  return rows.map((r) => ({ id: r.id, name: r.display_name, teamId: r.team_id }))
}

/** The lead rules (threshold, territories) of the user's team. */
async function rulesOfTeam(db: Db, userId: string) {
  const editor = await teamSettingsEditor(db, userId)
  const json = await readTeamSetting(db, editor.teamId, LEAD_RULES_KEY)
  return { editor, rules: readLeadRules(json), custom: json !== null }
}

/** The handover threshold of the user's team (the lead report and the work list count from it). */
export async function leadThreshold(ctx: ServiceContext): Promise<number> {
  return (await rulesOfTeam(ctx.db, ctx.userId)).rules.threshold
}

/** The threshold and the response-time target (business days to the first contact) of the user's team. */
export async function leadTargets(ctx: ServiceContext): Promise<{ threshold: number; responseDays: number }> {
  const { rules } = await rulesOfTeam(ctx.db, ctx.userId)
  return { threshold: rules.threshold, responseDays: rules.responseDays }
}

const qualificationOf = (r: LeadRow): LeadQualification => ({
  budget: r.budget, need: r.need, timing: r.timing, decisionMaker: r.decision_maker, postalCode: r.postal_code, city: r.city,
  federalState: isFederalState(r.federal_state) ? r.federal_state : '',
})

const qualificationColumns = (q: LeadQualification) => ({
  budget: q.budget, need: q.need, timing: q.timing, decision_maker: q.decisionMaker, postal_code: q.postalCode, city: q.city, federal_state: q.federalState,
})

export async function leadInbox(ctx: ServiceContext): Promise<LeadInbox> {
  await requireLeadWork(ctx.db)
  const { rules } = await rulesOfTeam(ctx.db, ctx.userId)
  const threshold = rules.threshold
  // Counted in one pass over the inbox index, and only the first page read with its histories: with 20,000 leads
  // the whole list took about 240 ms, the page a few.
  const newLeads = ctx.db.selectFrom('leads').where('status', '=', sql.lit('new')).where('deleted_at', 'is', null)
  const counts = await newLeads.select([
    sql<number>`count(*)`.as('all'), sql<number>`coalesce(sum(case when score >= ${threshold} then 1 else 0 end), 0)`.as('handed'),
  ]).executeTakeFirstOrThrow()
  const handed = await newLeads.selectAll().where('score', '>=', threshold).orderBy('score', 'desc').orderBy('received_at', 'asc').limit(LEAD_INBOX_PAGE).execute()
  const leads: LeadInboxItem[] = handed.map((r) => {
    const events = leadEventsSchema.safeParse(JSON.parse(r.events))
    return {
      id: r.id, score: r.score, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, companyName: r.company_name,
      source: r.source, campaign: r.campaign, receivedAt: r.received_at, consentGiven: r.consent_given === 1, events: events.success ? events.data : [],
      qualification: qualificationOf(r),
    }
  })
  const reps = (await repsOf(ctx.db, ctx.userId)).map(({ id, name }) => ({ id, name }))
  return { threshold, leads, handedCount: Number(counts.handed), marketingCount: Number(counts.all) - Number(counts.handed), reps, territories: rules.territories }
}

async function loadNewLead(db: Db, id: string) {
  const lead = await db.selectFrom('leads').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!lead) throw new AppError('not_found', 'errors.notFound')
  if (lead.status !== 'new') throw new AppError('conflict', 'errors.leadDecided')
  return lead
}

/** Saves the qualification and the company's address of a new lead (synced: a colleague's inbox shows them). */
export async function qualifyLead(ctx: ServiceContext, input: { id: string; qualification: LeadQualification }): Promise<{ id: string }> {
  await requireLeadWork(ctx.db)
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await loadNewLead(trx, input.id)
    await updateSynced(trx, 'leads', input.id, qualificationColumns(input.qualification), now)
  })
  return { id: input.id }
}

/**
 * The existing company a lead is converted into: live on this laptop (what the user can see), and in the rep's team
 * — the rep must see the company after sync, and a company keeps its team (a manager seeing every team may pick one
 * of another team; the rep is one of the manager's own team). A field error, nothing written, otherwise.
 */
async function existingCompany(db: Db, id: string, userId: string, rep: { teamId: string }) {
  const company = await db.selectFrom('companies').select(['id', 'name', 'team_id', 'federal_state']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!company) throw fieldError('companyId', 'errors.companyNotFound')
  if ((await teamOfCompany(db, company.team_id, userId)) !== rep.teamId) throw fieldError('repId', 'errors.leadRepOtherTeam')
  return company
}

/**
 * Company, contact, first touchpoint and the field rep's task "Erstkontakt aufnehmen" from the lead, and the
 * lead's decision — one transaction: a failure in any step writes nothing. Likely duplicates of the company are
 * answered first (each with the contact of it who is the lead's person, if any); then either `companyId` converts
 * into one of them, or `anyway` creates a new company beside them. A new company goes to the rep: owner, and the
 * rep's team (so it syncs to the rep's laptop). An existing company keeps its name, owner, team, status and address
 * (the customer's data is not overwritten with the lead's; the qualification stays on the lead), and its contact
 * who is the lead's person is reused as it is. The task is due within the first-contact target (one business day).
 */
export async function convertLead(ctx: ServiceContext, input: {
  id: string; anyway: boolean; companyId?: string | undefined; repId: string; qualification?: LeadQualification | undefined; language: 'de' | 'en'
}): Promise<LeadConvertResult> {
  await requireLeadWork(ctx.db)
  const lead = await loadNewLead(ctx.db, input.id)
  const q = input.qualification ?? qualificationOf(lead)
  const rep = (await repsOf(ctx.db, ctx.userId)).find((r) => r.id === input.repId)
  if (!rep) throw fieldError('repId', 'errors.leadRepUnknown')
  const person = { firstName: lead.first_name, lastName: lead.last_name, email: lead.email ?? '' }
  const existing = input.companyId ? await existingCompany(ctx.db, input.companyId, ctx.userId, rep) : null
  if (!existing && !input.anyway) {
    const duplicates = await checkCompanyDuplicates(ctx, { name: lead.company_name, customerNumber: '', postalCode: q.postalCode, city: q.city, exceptId: '' })
    if (duplicates.length > 0) {
      return {
        converted: false,
        duplicates: await Promise.all(duplicates.map(async ({ company: d }) => ({
          id: d.id, name: d.name, postalCode: d.postalCode, city: d.city, contact: await matchingContactOfCompany(ctx.db, d.id, person),
        }))),
      }
    }
  }
  const company = companyFieldsSchema.parse({
    name: lead.company_name, customerNumber: '', street: '', postalCode: q.postalCode, city: q.city, federalState: q.federalState, industry: '', segment: '',
    status: 'prospect', ownerId: rep.id, leadSource: 'other', notes: [lead.source, lead.campaign].filter(Boolean).join(' · '),
  })
  const contact = (companyId: string) => contactFieldsSchema.parse({
    companyId, salutation: 'none', title: '', firstName: lead.first_name, lastName: lead.last_name, jobFunction: '', email: lead.email ?? '', phone: lead.phone ?? '',
    mobile: '', language: 'de', buyingRole: '', attitude: '', influence: '', worries: '', goals: '', personaId: '', notes: '',
  })
  const touchpoint = (companyId: string, contactId: string) => touchpointFieldsSchema.parse({
    companyId, contactId, occurredAt: lead.received_at, channel: 'website', direction: 'inbound', mode: 'indirect', station: 'offer',
    summary: `Lead ${lead.source}${lead.campaign ? ` · ${lead.campaign}` : ''} · ${lead.score}`,
  })
  // An existing company's own federal state decides its business days; the lead's address only when it has none.
  const state = existing && isFederalState(existing.federal_state) ? existing.federal_state : q.federalState
  const dueDate = plusBusinessDays(todayOf(ctx), FIRST_CONTACT_BUSINESS_DAYS, state)
  const task = (companyId: string, contactId: string) => taskFieldsSchema.parse({
    companyId, contactId, title: translate(input.language, 'leads.taskTitle'), notes: [q.need, q.timing].filter(Boolean).join('\n'), dueDate, ownerId: rep.id, priority: 'high',
  })
  // Checked before anything is written (placeholder ids: only the fields are in question here).
  const placeholder = '00000000-0000-7000-8000-000000000000'
  contact(placeholder)
  touchpoint(placeholder, placeholder)
  task(placeholder, placeholder)
  const now = nowIso(ctx)
  return ctx.db.transaction().execute(async (trx) => {
    await loadNewLead(trx, lead.id)
    let companyId: string
    let contactId: string
    let existingContact = false
    if (existing) {
      // Read again inside the transaction: a pull may have deleted the company since the check above.
      companyId = (await existingCompany(trx, existing.id, ctx.userId, rep)).id
      const match = await matchingContactOfCompany(trx, companyId, person)
      existingContact = match !== null
      contactId = match?.id ?? await insertContact(trx, contact(companyId), now)
    } else {
      companyId = await insertCompany(trx, ctx, company, now, rep.teamId || undefined)
      contactId = await insertContact(trx, contact(companyId), now)
    }
    await insertTouchpoint(trx, ctx, touchpoint(companyId, contactId), now)
    const taskId = await insertTask(trx, ctx, task(companyId, contactId), now, 'task.title.firstContact')
    await updateSynced(trx, 'leads', lead.id, {
      ...qualificationColumns(q), status: 'converted', converted_company_id: companyId, contact_id: contactId, assigned_to: rep.id, decided_by: ctx.userId, decided_at: now,
    }, now)
    return { converted: true as const, companyId, contactId, taskId, existingCompany: existing !== null, existingContact }
  })
}

export async function rejectLead(ctx: ServiceContext, input: { id: string; reason: LeadRejectReason }): Promise<{ id: string }> {
  await requireLeadWork(ctx.db)
  const now = nowIso(ctx)
  await ctx.db.transaction().execute(async (trx) => {
    await loadNewLead(trx, input.id)
    await updateSynced(trx, 'leads', input.id, { status: 'rejected', reject_reason: input.reason, decided_by: ctx.userId, decided_at: now }, now)
  })
  return { id: input.id }
}

/**
 * The qualification of the lead a company was converted from: what the new pre-offer conversation of that company
 * opens with (budget → budget, need → needs, timing → decision timeline, decision maker → decision process).
 */
export async function leadQualificationOfCompany(ctx: ServiceContext, input: { companyId: string }): Promise<{ qualification: LeadQualification | null }> {
  const lead = await ctx.db.selectFrom('leads').selectAll().where('converted_company_id', '=', input.companyId).where('deleted_at', 'is', null)
    .orderBy('decided_at', 'desc').executeTakeFirst()
  return { qualification: lead ? qualificationOf(lead) : null }
}

/** The lead rules of the user's team as the settings form shows them: one row per field rep of the team. */
export async function getLeadRules(ctx: ServiceContext): Promise<LeadRulesView> {
  const { editor, rules, custom } = await rulesOfTeam(ctx.db, ctx.userId)
  const reps = (await repsOf(ctx.db, ctx.userId)).map(({ id, name }) => ({ id, name }))
  const territoryOf = (id: string) => rules.territories.find((t) => t.userId === id)
  const form: LeadRulesForm = {
    threshold: rules.threshold,
    responseDays: rules.responseDays,
    territories: reps.map((r) => ({ userId: r.id, states: (territoryOf(r.id)?.states ?? []).join(', '), postcodes: formatPostcodeRanges(territoryOf(r.id)?.ranges ?? []) })),
  }
  return { rules: form, reps, canEdit: editor.canEdit, custom }
}

/**
 * Saves the lead rules of the user's team (already checked by the channel's schema: threshold, ranges in order and
 * without overlap, known states); only its field reps may hold a territory. A manager's or an admin's change.
 */
export async function updateLeadRules(ctx: ServiceContext, form: LeadRulesForm): Promise<LeadRulesView> {
  const editor = await teamSettingsEditor(ctx.db, ctx.userId)
  if (!editor.canEdit) throw new AppError('forbidden', 'errors.teamRulesNotAllowed')
  const reps = await repsOf(ctx.db, ctx.userId)
  form.territories.forEach((t, i) => {
    if (!reps.some((r) => r.id === t.userId)) throw fieldError(`territories.${i}.userId`, 'errors.leadRepUnknown')
  })
  const value = leadRulesOfForm(form)
  const now = nowIso(ctx)
  await ctx.db.transaction().execute((trx) => writeTeamSetting(trx, editor.teamId, LEAD_RULES_KEY, JSON.stringify(value), now))
  return getLeadRules(ctx)
}

/** New leads in the inbox now (for tests and the navigation's count). */
export const countNewLeads = async (ctx: ServiceContext): Promise<number> =>
  Number((await sql<{ n: number }>`select count(*) as n from leads where status = 'new' and deleted_at is null`.execute(ctx.db)).rows[0]?.n ?? 0)
