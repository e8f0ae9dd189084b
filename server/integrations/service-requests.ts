// Service requests posted by a sending system (issue 19, docs/service-intake.md "API"): one request per post,
// checked with the schema the web form uses (shared/modules/service), then taken like a form submission — a case
// of the matched customer or a triage row. Idempotent by the sender's id: a retried post writes nothing.
import { serviceRequestPostSchema } from '../../shared/modules/service'
import type { Store } from '../store/open-store'
import { takeRequest, type IntakeOptions, type IntakeOutcome } from '../intake/requests'
import type { IntegrationKey } from './keys'
import { fieldProblems, type FieldProblem } from './problems'

export type ServiceRequestOutcome = ({ ok: true } & IntakeOutcome) | { ok: false; problems: FieldProblem[] }

export async function postServiceRequest(store: Store, key: IntegrationKey, body: unknown, now: Date, intake: IntakeOptions): Promise<ServiceRequestOutcome> {
  const parsed = serviceRequestPostSchema.safeParse(body)
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) }
  const r = parsed.data
  const outcome = await takeRequest(store, {
    source: 'api', key: `api:${key.id}:${r.id}`, externalId: r.id, writer: key.name, name: r.name, email: r.email, customerNumber: r.customerNumber,
    subject: r.subject, description: r.description, receivedAt: now.toISOString(), language: 'de',
  }, now, intake)
  return { ok: true, ...outcome }
}
