// The triage list (issue 19, docs/service-intake.md "Triage"): service requests from the web form, the service
// mailbox or the API that the sync server could not match to a customer, oldest first. Each one is made a case of
// a customer chosen here (the contact of the company optional), or discarded with a reason from the catalogue.
import { useState } from 'react'
import { FormProvider, useForm, useWatch } from 'react-hook-form'
import { Link } from 'react-router-dom'
import { SERVICE_REQUEST_DISCARD_REASONS, type ServiceRequestDiscardReason, type ServiceRequestItem } from '../../../../shared/modules/service'
import { CompanyPicker } from '../../components/company-picker'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

const detail = (label: string, value: string) => <div className="details__item"><dt>{label}</dt><dd>{value}</dd></div>

type Outcome = { kind: 'assigned'; number: string; caseId: string } | { kind: 'discarded' } | { kind: 'error'; key: string }

export function ServiceTriagePage() {
  const { t, tFromData } = useI18n()
  const requests = useData('serviceRequests.list', {})
  const action = useAction()
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const assign = async (request: ServiceRequestItem, companyId: string, contactId: string) => {
    const result = await action.run('serviceRequests.assign', { id: request.id, companyId, contactId })
    setOutcome(result.ok ? { kind: 'assigned', number: result.data.number, caseId: result.data.id } : { kind: 'error', key: result.error.message })
    requests.reload()
  }
  const discard = async (request: ServiceRequestItem, reason: ServiceRequestDiscardReason) => {
    const result = await action.run('serviceRequests.discard', { id: request.id, reason })
    setOutcome(result.ok ? { kind: 'discarded' } : { kind: 'error', key: result.error.message })
    requests.reload()
  }

  return (
    <section className="page">
      <PageHeader title={t('triage.title')} subtitle={t('triage.subtitle')} />
      {requests.error ? <LoadError message={requests.error} /> : null}
      {outcome?.kind === 'assigned' ? <p role="status">{t('triage.assigned', { number: outcome.number })} <Link to={`/cases/${outcome.caseId}`}>{outcome.number}</Link></p> : null}
      {outcome?.kind === 'discarded' ? <p role="status">{t('triage.discarded')}</p> : null}
      {outcome?.kind === 'error' ? <div className="form-error" role="alert">{tFromData(outcome.key)}</div> : null}
      {requests.data ? (
        <div className="stack">
          {requests.data.length === 0 ? <p>{t('triage.empty')}</p> : null}
          {requests.data.map((r) => (
            <RequestCard key={r.id} request={r} busy={action.busy} onAssign={(companyId, contactId) => void assign(r, companyId, contactId)} onDiscard={(reason) => void discard(r, reason)} />
          ))}
        </div>
      ) : null}
    </section>
  )
}

function RequestCard({ request, busy, onAssign, onDiscard }: {
  request: ServiceRequestItem; busy: boolean; onAssign: (companyId: string, contactId: string) => void; onDiscard: (reason: ServiceRequestDiscardReason) => void
}) {
  const { t, dateTime } = useI18n()
  const form = useForm<{ companyId: string; contactId: string }>({ defaultValues: { companyId: '', contactId: '' } })
  const [companyId, contactId] = useWatch({ control: form.control, name: ['companyId', 'contactId'] })
  const contacts = useData('contacts.list', companyId ? { companyId, limit: 500 } : null)
  const [discarding, setDiscarding] = useState(false)
  const [reason, setReason] = useState<ServiceRequestDiscardReason>('spam')
  return (
    <article className="card" aria-label={request.subject}>
      <h2>{request.subject} <Badge tone="warn">{t(`enum.triageReason.${request.reason}`)}</Badge></h2>
      <dl className="details">
        {detail(t('triage.from'), `${request.name} <${request.email}>`)}
        {detail(t('triage.receivedAt'), `${dateTime(request.receivedAt)} · ${t(`enum.serviceRequestSource.${request.source}`)}`)}
        {request.customerNumber ? detail(t('triage.customerNumber'), request.customerNumber) : null}
      </dl>
      <p className="notes">{request.description}</p>
      <FormProvider {...form}>
        <div className="form-grid">
          <CompanyPicker name="companyId" label={t('triage.customer')} />
          {companyId ? (
            <div className="field">
              <label htmlFor={`contact-${request.id}`}>{t('case.contact')}</label>
              <select id={`contact-${request.id}`} value={contactId} onChange={(e) => form.setValue('contactId', e.target.value)}>
                <option value="">—</option>
                {(contacts.data?.rows ?? []).map((c) => <option key={c.id} value={c.id}>{`${c.firstName} ${c.lastName}`.trim()}</option>)}
              </select>
            </div>
          ) : null}
        </div>
      </FormProvider>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy || !companyId} onClick={() => onAssign(companyId, contactId)}>{t('triage.assign')}</button>
        {discarding ? (
          <>
            <label>{t('triage.discardReason')}{' '}
              <select value={reason} onChange={(e) => setReason(e.target.value as ServiceRequestDiscardReason)}>
                {SERVICE_REQUEST_DISCARD_REASONS.map((r) => <option key={r} value={r}>{t(`enum.serviceRequestDiscardReason.${r}`)}</option>)}
              </select>
            </label>
            <button type="button" className="button" disabled={busy} onClick={() => onDiscard(reason)}>{t('triage.discard')}</button>
          </>
        ) : <button type="button" className="button button--ghost" onClick={() => setDiscarding(true)}>{t('triage.discard')}</button>}
      </div>
    </article>
  )
}
