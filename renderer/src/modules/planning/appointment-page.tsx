// An appointment (/appointments/:id): when and where, the participants, and what to do with it — edit, cancel,
// send the invitation (by mail, or as an .ics file), prepare the visit ("Besuchsvorbereitung"), and after its end
// the visit report.
import { useState, type ReactNode } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { call } from '../../lib/api'
import { download } from '../../lib/download'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { STATUS_TONE, nowLocal, useWhen } from './appointment-fields'
import { AppointmentReportForm } from './appointment-report-form'

export function AppointmentPage() {
  const { t, tFromData, enumLabel } = useI18n()
  const { run, busy } = useAction()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const when = useWhen()
  const data = useData('appointments.get', { id })
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)

  if (data.error) return <LoadError message={data.error} />
  const a = data.data
  if (!a) return <p className="page muted" role="status">{t('common.loading')}</p>
  const planned = a.status === 'planned'
  const ended = a.endsAt <= nowLocal()

  const cancel = async () => {
    if (!window.confirm(t('appointment.confirmCancel', { title: a.title }))) return
    setMessage(null)
    const result = await run('appointments.cancel', { id: a.id })
    if (result.ok) data.reload()
    else setMessage({ text: tFromData(result.error.message), ok: false })
  }
  const invitationFile = async () => {
    setMessage(null)
    const result = await call('appointments.invitation', { id: a.id })
    if (!result.ok) return setMessage({ text: tFromData(result.error.message), ok: false })
    download(result.data.fileName, result.data.base64, result.data.mimeType)
    setMessage({ text: t('appointment.invitationSaved', { file: result.data.fileName }), ok: true })
  }
  const detail = (label: string, value: ReactNode) => (
    <div className="details__item"><dt>{label}</dt><dd>{value || t('common.none')}</dd></div>
  )

  return (
    <section className="page">
      <PageHeader
        title={a.title}
        subtitle={<><Badge tone={STATUS_TONE[a.status]}>{enumLabel('appointmentStatus', a.status)}</Badge>{' '}<Link to={`/companies/${a.companyId}`}>{a.companyName}</Link></>}
        actions={
          <>
            <Link className="button" to={`/companies/${a.companyId}/briefing?appointmentId=${a.id}`}>{t('appointment.briefing')}</Link>
            {planned ? <Link className="button" to={`/appointments/${a.id}/edit`}>{t('appointment.edit')}</Link> : null}
            {planned ? <button type="button" className="button button--ghost" disabled={busy} onClick={() => void cancel()}>{t('appointment.cancel')}</button> : null}
          </>
        }
      />
      {a.status === 'cancelled' ? <p className="notice notice--warn" role="status">{t('appointment.cancelledNotice')}</p> : null}
      {message ? <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p> : null}
      <div className="company-layout">
        <div className="card">
          <dl className="details">
            {detail(t('appointment.field.kind'), enumLabel('appointmentKind', a.kind))}
            {detail(t('appointment.when'), when(a))}
            {detail(t('appointment.field.location'), a.location)}
            {detail(t('appointment.field.owner'), a.ownerName)}
            {detail(t('appointment.field.notes'), a.notes)}
          </dl>
        </div>
        <div className="card">
          <h2>{t('appointment.participants')}</h2>
          {a.participants.length === 0 ? <p className="muted">{t('appointment.participants.none')}</p> : (
            <ul className="contact-cards">
              {a.participants.map((p) => (
                <li key={p.id} className="contact-card">
                  <span>{p.kind === 'contact' ? <Link to={`/contacts/${p.contactId}`}>{p.name}</Link> : p.name}</span>
                  <span className="muted small">{p.email || t('appointment.noEmail')}</span>
                  <span className="muted small">
                    {p.kind === 'user' ? t('appointment.role.colleague') : [p.buyingRole ? enumLabel('buyingRole', p.buyingRole) : '', p.role].filter(Boolean).join(', ')}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {a.status !== 'done' ? (
            <>
              <p className="muted small">{t('appointment.invitationHint')}</p>
              <div className="form-actions">
                {planned ? <Link className="button button--primary" to={`/mail/compose?purpose=appointment_invitation&relatedId=${a.id}`}>{t('appointment.sendInvitation')}</Link> : null}
                <button type="button" className="button" disabled={busy} onClick={() => void invitationFile()}>{t('appointment.invitationFile')}</button>
              </div>
            </>
          ) : null}
        </div>
      </div>
      {a.status === 'done' ? (
        <p className="notice" role="status"><Link to={`/companies/${a.companyId}`}>{t('appointment.report.saved')}</Link></p>
      ) : null}
      {planned && ended ? <AppointmentReportForm appointment={a} onSaved={() => { data.reload(); navigate(`/appointments/${a.id}`, { replace: true }) }} /> : null}
      {planned && !ended ? <p className="muted">{t('appointment.report.later')}</p> : null}
    </section>
  )
}
