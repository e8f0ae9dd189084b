// The lead inbox on the laptop (issue 19, docs/leads.md): new leads at or above the device's handover threshold by
// score and age, the Marketing-Leads below it only counted; a lead converted into company + contact + first
// touchpoint through the customer services, or rejected with a reason from the catalogue. Both decisions are
// synced updates of the lead's decision columns (the only ones a laptop may change).
import { sql } from 'kysely'
import { updateSynced } from '../../../../db/platform/synced-writes'
import { companyFieldsSchema, contactFieldsSchema, touchpointFieldsSchema } from '../../../../shared/modules/customers'
import {
  DEFAULT_LEAD_THRESHOLD, isHandedOver, leadEventsSchema, leadThresholdSchema,
  type LeadConvertResult, type LeadInbox, type LeadInboxItem, type LeadRejectReason,
} from '../../../../shared/modules/leads'
import { AppError } from '../../../../shared/platform/result'
import { checkCompanyDuplicates, createCompany, createContact, createTouchpoint } from '../customers'
import { nowIso, type ServiceContext } from '../../platform/context'

export const LEAD_THRESHOLD_SETTING = 'leadThreshold'

export async function leadThreshold(ctx: ServiceContext): Promise<number> {
  const row = await ctx.db.selectFrom('app_settings').select('value').where('key', '=', LEAD_THRESHOLD_SETTING).executeTakeFirst()
  const parsed = leadThresholdSchema.safeParse({ threshold: Number(row?.value) })
  return parsed.success ? parsed.data.threshold : DEFAULT_LEAD_THRESHOLD
}

export async function setLeadThreshold(ctx: ServiceContext, threshold: number): Promise<{ threshold: number }> {
  await ctx.db.insertInto('app_settings').values({ key: LEAD_THRESHOLD_SETTING, value: String(threshold) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(threshold) })).execute()
  return { threshold }
}

export async function leadInbox(ctx: ServiceContext): Promise<LeadInbox> {
  const threshold = await leadThreshold(ctx)
  const rows = await ctx.db.selectFrom('leads').selectAll().where('status', '=', 'new').where('deleted_at', 'is', null)
    .orderBy('score', 'desc').orderBy('received_at', 'asc').execute()
  const handed = rows.filter((r) => isHandedOver(r.score, threshold))
  const leads: LeadInboxItem[] = handed.map((r) => {
    const events = leadEventsSchema.safeParse(JSON.parse(r.events))
    return {
      id: r.id, score: r.score, firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone, companyName: r.company_name,
      source: r.source, campaign: r.campaign, receivedAt: r.received_at, consentGiven: r.consent_given === 1, events: events.success ? events.data : [],
    }
  })
  return { threshold, leads, marketingCount: rows.length - handed.length }
}

async function newLead(ctx: ServiceContext, id: string) {
  const lead = await ctx.db.selectFrom('leads').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!lead) throw new AppError('not_found', 'errors.notFound')
  if (lead.status !== 'new') throw new AppError('conflict', 'errors.leadDecided')
  return lead
}

async function decide(ctx: ServiceContext, id: string, patch: { status: 'converted' | 'rejected'; reject_reason?: LeadRejectReason; converted_company_id?: string; contact_id?: string }): Promise<void> {
  const now = nowIso(ctx)
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'leads', id, { ...patch, decided_by: ctx.userId, decided_at: now }, now))
}

/**
 * Company, contact and first touchpoint from the lead. Every record is checked with its schema before the first is
 * written (so a lead the contact form would refuse writes nothing); likely duplicates of the company are answered
 * first, and only `anyway` creates a new company beside them.
 */
export async function convertLead(ctx: ServiceContext, input: { id: string; anyway: boolean }): Promise<LeadConvertResult> {
  const lead = await newLead(ctx, input.id)
  if (!input.anyway) {
    const duplicates = await checkCompanyDuplicates(ctx, { name: lead.company_name, customerNumber: '', postalCode: '', city: '', exceptId: '' })
    if (duplicates.length > 0) return { converted: false, duplicates: duplicates.map((d) => ({ id: d.company.id, name: d.company.name })) }
  }
  const company = companyFieldsSchema.parse({
    name: lead.company_name, customerNumber: '', street: '', postalCode: '', city: '', federalState: '', industry: '', segment: '', status: 'prospect',
    ownerId: '', leadSource: 'other', notes: [lead.source, lead.campaign].filter(Boolean).join(' · '),
  })
  const contact = (companyId: string) => contactFieldsSchema.parse({
    companyId, salutation: 'none', title: '', firstName: lead.first_name, lastName: lead.last_name, jobFunction: '', email: lead.email ?? '', phone: lead.phone ?? '',
    mobile: '', language: 'de', buyingRole: '', attitude: '', influence: '', worries: '', goals: '', personaId: '', notes: '',
  })
  const touchpoint = (companyId: string, contactId: string) => touchpointFieldsSchema.parse({
    companyId, contactId, occurredAt: lead.received_at, channel: 'website', direction: 'inbound', mode: 'indirect', station: 'offer',
    summary: `Lead ${lead.source}${lead.campaign ? ` · ${lead.campaign}` : ''} · ${lead.score}`,
  })
  // Checked before anything is written (placeholder ids: only the fields are in question here).
  contact('00000000-0000-7000-8000-000000000000')
  touchpoint('00000000-0000-7000-8000-000000000000', '00000000-0000-7000-8000-000000000000')
  const created = await createCompany(ctx, company)
  const person = await createContact(ctx, contact(created.id))
  await createTouchpoint(ctx, touchpoint(created.id, person.id))
  await decide(ctx, lead.id, { status: 'converted', converted_company_id: created.id, contact_id: person.id })
  return { converted: true, companyId: created.id, contactId: person.id }
}

export async function rejectLead(ctx: ServiceContext, input: { id: string; reason: LeadRejectReason }): Promise<{ id: string }> {
  await newLead(ctx, input.id)
  await decide(ctx, input.id, { status: 'rejected', reject_reason: input.reason })
  return { id: input.id }
}

/** New leads in the inbox now (for tests and the navigation's count). */
export const countNewLeads = async (ctx: ServiceContext): Promise<number> =>
  Number((await sql<{ n: number }>`select count(*) as n from leads where status = 'new' and deleted_at is null`.execute(ctx.db)).rows[0]?.n ?? 0)
