// The triage list of service requests (issue 19, docs/service-intake.md "Triage"): requests from the web form, the
// service mailbox or the API that the sync server could not match to a customer. Service staff turn one into a case
// of a customer (the case service's own checks: the company exists, the contact is its own) or discard it with a
// reason; both are a synced update of the request's decision columns, so every laptop sees it dealt with.
import { updateSynced } from '../../../../db/platform/synced-writes'
import { caseFieldsSchema, type ServiceCase, type ServiceRequestDiscardReason, type ServiceRequestItem } from '../../../../shared/modules/service'
import { AppError } from '../../../../shared/platform/result'
import { nowIso, type ServiceContext } from '../../platform/context'
import { createCase } from './case.service'

export async function listServiceRequests(ctx: ServiceContext): Promise<ServiceRequestItem[]> {
  const rows = await ctx.db.selectFrom('service_requests').selectAll().where('status', '=', 'new').where('deleted_at', 'is', null)
    .orderBy('received_at').orderBy('id').limit(500).execute()
  return rows.map((r) => ({
    id: r.id, source: r.source, name: r.name, email: r.email, customerNumber: r.customer_number, subject: r.subject, description: r.description, receivedAt: r.received_at, reason: r.reason,
  }))
}

async function openRequest(ctx: ServiceContext, id: string) {
  const row = await ctx.db.selectFrom('service_requests').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'errors.notFound')
  if (row.status !== 'new') throw new AppError('conflict', 'errors.serviceRequestDecided')
  return row
}

/** A case of the chosen customer from the request (a service request, normal priority, received when the request arrived). */
export async function assignServiceRequest(ctx: ServiceContext, input: { id: string; companyId: string; contactId: string }): Promise<ServiceCase> {
  const request = await openRequest(ctx, input.id)
  const fields = caseFieldsSchema.parse({
    type: 'service_request', companyId: input.companyId, contactId: input.contactId, channel: request.source === 'email' ? 'email' : 'web',
    receivedAt: request.received_at, subject: request.subject.slice(0, 200), description: request.description.slice(0, 8000), priority: 'normal',
  })
  const made = await createCase(ctx, fields)
  const now = nowIso(ctx)
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'service_requests', input.id, {
    status: 'assigned', case_id: made.id, company_id: input.companyId, decided_by: ctx.userId, decided_at: now,
  }, now))
  return made
}

export async function discardServiceRequest(ctx: ServiceContext, input: { id: string; reason: ServiceRequestDiscardReason }): Promise<{ id: string }> {
  await openRequest(ctx, input.id)
  const now = nowIso(ctx)
  await ctx.db.transaction().execute((trx) => updateSynced(trx, 'service_requests', input.id, { status: 'discarded', discard_reason: input.reason, decided_by: ctx.userId, decided_at: now }, now))
  return { id: input.id }
}
