// A record's upcoming appointments (on the company, offer, contract and case pages): each with its time, kind and
// a "Besuchsvorbereitung" link for a visit, and "Termin planen" for a new one that carries the record.
import { Link } from 'react-router-dom'
import type { RecordRef } from '../../components/record-panels'
import { Badge, LoadError } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { nowLocal, useWhen } from './appointment-fields'

export function AppointmentsPanel({ record }: { record: RecordRef }) {
  const { t, enumLabel } = useI18n()
  const when = useWhen()
  const list = useData('appointments.list', { companyId: record.companyId, from: todayIso(), status: 'all' })
  const now = nowLocal()
  // The record's own appointments; on the customer's page all of the customer's. Open reports stay listed.
  const upcoming = (list.data ?? []).filter((a) => a.status !== 'cancelled' && (record.kind === 'company' || a.relatedId === record.id) && (a.status === 'planned' || a.startsAt >= now))
  const planHref = `/appointments/new?companyId=${record.companyId}${record.kind === 'company' ? '' : `&relatedType=${record.kind}&relatedId=${record.id}`}`
  return (
    <section className="card" aria-labelledby={`appointments-${record.id}`}>
      <div className="card__header">
        <h2 id={`appointments-${record.id}`}>{t('appointments.upcoming')}</h2>
        <Link className="button button--small" to={planHref}>{t('appointments.plan')}</Link>
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data && upcoming.length === 0 ? <p className="muted">{t('appointments.empty')}</p> : null}
      <ul className="contact-cards">
        {upcoming.map((a) => (
          <li key={a.id} className="contact-card">
            <span><Link to={`/appointments/${a.id}`}>{a.title}</Link> <Badge>{enumLabel('appointmentKind', a.kind)}</Badge></span>
            {a.kind === 'visit' ? <Link className="small" to={`/companies/${a.companyId}/briefing?appointmentId=${a.id}`} aria-label={t('appointment.briefingOf', { title: a.title })}>{t('appointment.briefing')}</Link> : <span />}
            <span className="muted small">{when(a)}{a.status === 'planned' && a.endsAt <= now ? <> · <Badge tone="warn">{t('appointment.missingReport')}</Badge></> : null}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
