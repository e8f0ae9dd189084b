// Service requests posted by a sending system (issue 19, docs/service-intake.md "API"): one request per post,
// checked with the schema the web form uses (shared/modules/service), then taken like a form submission — a case
// of the matched customer or a triage row. Idempotent by the sender's id: a retried post writes nothing.
import { serviceRequestPostSchema } from '../../shared/modules/service'
import type { Store } from '../store/open-store'
import { takeRequest, type IntakeOptions, type IntakeOutcome } from '../intake/requests'
import type { IntegrationKey } from './keys'
import type { LeadProblem } from './leads'

export type ServiceRequestOutcome = ({ ok: true } & IntakeOutcome) | { ok: false; problems: LeadProblem[] }

export async function postServiceRequest(store: Store, key: IntegrationKey, body: unknown, now: Date, intake: IntakeOptions): Promise<ServiceRequestOutcome> {
  const parsed = serviceRequestPostSchema.safeParse(body)
  if (!parsed.success) {
    // Paths and error keys only: the refused values (names, addresses) are never echoed or logged.
    const problems = new Map<string, string>()
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || '(body)'
      if (!problems.has(field)) problems.set(field, issue.message.startsWith('errors.') ? issue.message : 'errors.invalid')
    }
    return { ok: false, problems: [...problems].map(([field, problem]) => ({ field, problem })) }
  }
  const r = parsed.data
  const outcome = await takeRequest(store, {
    source: 'api', key: `api:${key.id}:${r.id}`, externalId: r.id, writer: key.name, name: r.name, email: r.email, customerNumber: r.customerNumber,
    subject: r.subject, description: r.description, receivedAt: now.toISOString(), language: 'de',
  }, now, intake)
  return { ok: true, ...outcome }
}
