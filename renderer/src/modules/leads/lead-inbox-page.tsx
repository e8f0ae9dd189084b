// The lead inbox (issue 19, docs/leads.md): new leads from marketing at or above the handover threshold, by score
// and age, each with its scoring history; the Marketing-Leads below it only counted. Convert (company + contact +
// first touchpoint, duplicates named first) or reject with a reason from the catalogue.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { LEAD_REJECT_REASONS, type LeadInboxItem, type LeadRejectReason } from '../../../../shared/modules/leads'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

const detail = (label: string, value: string) => <div className="details__item"><dt>{label}</dt><dd>{value}</dd></div>

type Outcome = { kind: 'converted'; name: string; companyId: string } | { kind: 'rejected' } | { kind: 'duplicates'; leadId: string; names: string } | { kind: 'error'; key: string }

export function LeadInboxPage() {
  const { t, tFromData } = useI18n()
  const inbox = useData('leads.inbox', {})
  const action = useAction()
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const convert = async (lead: LeadInboxItem, anyway: boolean) => {
    const result = await action.run('leads.convert', { id: lead.id, anyway })
    if (!result.ok) return setOutcome({ kind: 'error', key: result.error.message })
    if (result.data.converted) setOutcome({ kind: 'converted', name: lead.companyName, companyId: result.data.companyId })
    else setOutcome({ kind: 'duplicates', leadId: lead.id, names: result.data.duplicates.map((d) => d.name).join(', ') })
    inbox.reload()
  }
  const reject = async (lead: LeadInboxItem, reason: LeadRejectReason) => {
    const result = await action.run('leads.reject', { id: lead.id, reason })
    setOutcome(result.ok ? { kind: 'rejected' } : { kind: 'error', key: result.error.message })
    inbox.reload()
  }

  return (
    <section className="page">
      <PageHeader title={t('leads.title')} subtitle={inbox.data ? t('leads.intro', { threshold: inbox.data.threshold }) : undefined} />
      {inbox.error ? <LoadError message={inbox.error} /> : null}
      {outcome?.kind === 'converted' ? <p role="status">{t('leads.converted', { name: outcome.name })} <Link to={`/companies/${outcome.companyId}`}>{outcome.name}</Link></p> : null}
      {outcome?.kind === 'rejected' ? <p role="status">{t('leads.rejected')}</p> : null}
      {outcome?.kind === 'error' ? <div className="form-error" role="alert">{tFromData(outcome.key)}</div> : null}
      {inbox.data ? (
        <div className="stack">
          <p className="muted">{t('leads.marketingCount', { count: inbox.data.marketingCount, threshold: inbox.data.threshold })}</p>
          {inbox.data.leads.length === 0 ? <p>{t('leads.empty')}</p> : null}
          {inbox.data.leads.map((lead) => (
            <LeadCard key={lead.id} lead={lead} busy={action.busy}
              duplicates={outcome?.kind === 'duplicates' && outcome.leadId === lead.id ? outcome.names : null}
              onConvert={(anyway) => void convert(lead, anyway)} onReject={(reason) => void reject(lead, reason)} />
          ))}
        </div>
      ) : null}
    </section>
  )
}

function LeadCard({ lead, busy, duplicates, onConvert, onReject }: {
  lead: LeadInboxItem; busy: boolean; duplicates: string | null; onConvert: (anyway: boolean) => void; onReject: (reason: LeadRejectReason) => void
}) {
  const { t, dateTime, number } = useI18n()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState<LeadRejectReason>('no_need')
  const name = `${lead.firstName} ${lead.lastName}`.trim()
  return (
    <article className="card" aria-label={lead.companyName}>
      <h2>{lead.companyName} <Badge tone="good">{t('leads.score')}: {number(lead.score)}</Badge></h2>
      <div className="company-layout">
        <dl className="details">
          {detail(t('leads.person'), name)}
          {detail(t('leads.reach'), [lead.email, lead.phone].filter(Boolean).join(' · '))}
          {detail(t('leads.source'), [lead.source, lead.campaign].filter(Boolean).join(' / '))}
          {detail(t('leads.received'), dateTime(lead.receivedAt))}
          {detail(t('leads.consent'), lead.consentGiven ? t('leads.consentGiven') : t('leads.consentMissing'))}
        </dl>
        <div>
          <h3>{t('leads.history')}</h3>
          {lead.events.length === 0 ? <p className="muted">{t('leads.noHistory')}</p> : (
            <table className="data-table" aria-label={`${t('leads.history')}: ${lead.companyName}`}>
              <tbody>
                {lead.events.map((e, i) => <tr key={i}><td>{dateTime(e.at)}</td><td>{e.activity}</td><td className="num">{e.points > 0 ? '+' : ''}{number(e.points)}</td></tr>)}
              </tbody>
            </table>
          )}
        </div>
      </div>
      {duplicates ? (
        <p role="alert">{t('leads.duplicates', { names: duplicates })} <button type="button" className="button" disabled={busy} onClick={() => onConvert(true)}>{t('leads.convertAnyway')}</button></p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => onConvert(false)}>{t('leads.convert')}</button>
        {rejecting ? (
          <>
            <label>{t('leads.rejectReason')}{' '}
              <select value={reason} onChange={(e) => setReason(e.target.value as LeadRejectReason)}>
                {LEAD_REJECT_REASONS.map((r) => <option key={r} value={r}>{t(`leads.reason.${r}`)}</option>)}
              </select>
            </label>
            <button type="button" className="button" disabled={busy} onClick={() => onReject(reason)}>{t('leads.rejectConfirm')}</button>
          </>
        ) : <button type="button" className="button button--ghost" onClick={() => setRejecting(true)}>{t('leads.reject')}</button>}
      </div>
    </article>
  )
}
