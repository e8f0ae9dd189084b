// Postausgang: the mails on their way out (status, attempts, the next attempt, what went wrong in words and the
// server's own), "Erneut versuchen", "Verwerfen", "Jetzt senden"; and the mails sent, newest first.
import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import type { OutboxEntry, OutboxSendResult } from '../../../../shared/modules/mail'
import { Badge, EmptyState, LoadError, PageHeader, type Tone } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

const STATUS_TONES: Record<OutboxEntry['status'], Tone> = { queued: 'station', sending: 'station', sent: 'good', failed: 'warn', cancelled: 'muted' }

type View = 'open' | 'sent'

export function OutboxPage() {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [view, setView] = useState<View>('open')
  const list = useData('outbox.list', { status: view, limit: 500 })
  const accounts = useData('mailAccounts.get', {})
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const noAccount = accounts.data !== null && accounts.data.smtp.host === ''
  // While mails wait or leave, the list follows what the sender does in the background.
  const moving = (list.data ?? []).some((e) => e.status === 'queued' || e.status === 'sending')
  const { reload } = list
  useEffect(() => {
    if (!moving) return
    const timer = window.setInterval(reload, 10_000)
    return () => window.clearInterval(timer)
  }, [moving, reload])

  const sendNow = async () => {
    setNotice(null)
    setError(null)
    const answer = await action.run('outbox.send', {})
    if (answer.ok) setNotice(sendResult(answer.data))
    else setError(answer.error.message)
    list.reload()
  }
  const sendResult = (r: OutboxSendResult) => t('outbox.sendResult', { sent: r.sent, failed: r.failed, waiting: r.waiting })
  const act = async (channel: 'outbox.retry' | 'outbox.cancel', entry: OutboxEntry) => {
    setNotice(null)
    setError(null)
    if (channel === 'outbox.cancel' && !window.confirm(t('outbox.confirmCancel', { subject: entry.subject }))) return
    const answer = await action.run(channel, { id: entry.id })
    if (!answer.ok) setError(answer.error.message)
    list.reload()
  }

  return (
    <section className="page">
      <PageHeader
        title={t('outbox.title')}
        subtitle={t('outbox.subtitle')}
        actions={<button type="button" className="button button--primary" disabled={action.busy || noAccount} onClick={() => void sendNow()}>{action.busy ? t('outbox.sendingNow') : t('outbox.sendNow')}</button>}
      />
      {noAccount ? (
        <p className="notice notice--warn">{t('outbox.noAccount')} <Link to="/settings/mail">{t('outbox.toSettings')}</Link></p>
      ) : null}
      <div className="toolbar" role="tablist" aria-label={t('outbox.tabs')}>
        {(['open', 'sent'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className={`button${view === v ? ' button--primary' : ''}`} onClick={() => setView(v)}>
            {t(v === 'open' ? 'outbox.tabOpen' : 'outbox.tabSent')}
          </button>
        ))}
      </div>
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      {error ? <p role="alert" className="form-error">{tFromData(error)}</p> : null}
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data?.length === 0 ? <EmptyState>{t(view === 'open' ? 'outbox.empty' : 'outbox.emptySent')}</EmptyState> : null}
      {list.data && list.data.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table card">
            <thead>
              <tr>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.company')}</th>
                <th scope="col">{t('outbox.statusLabel')}</th>
                {view === 'open' ? <th scope="col" className="num">{t('outbox.attempts')}</th> : null}
                <th scope="col">{t(view === 'open' ? 'outbox.nextAttempt' : 'outbox.sentAt')}</th>
                {view === 'open' ? <th scope="col">{t('outbox.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((entry) => <OutboxRow key={entry.id} entry={entry} view={view} busy={action.busy} onAct={(channel) => void act(channel, entry)} />)}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

function OutboxRow({ entry, view, busy, onAct }: { entry: OutboxEntry; view: View; busy: boolean; onAct: (channel: 'outbox.retry' | 'outbox.cancel') => void }) {
  const { t, tFromData, dateTime, number } = useI18n()
  const recipients = [...entry.to, ...entry.cc].map((a) => a.name || a.address).join(', ')
  const canAct = entry.status === 'queued' || entry.status === 'failed'
  return (
    <tr>
      <td>
        <strong>{entry.subject}</strong>
        <div className="muted small">{t('outbox.to')}: {recipients}</div>
        <div className="muted small">{t('outbox.createdAt')} {dateTime(entry.createdAt)} · {t('outbox.sizeKb', { size: number(Math.max(1, Math.round(entry.size / 1024))) })}</div>
      </td>
      <td>{entry.companyId ? <Link to={`/companies/${entry.companyId}`}>{entry.companyName}</Link> : '–'}</td>
      <td>
        <Badge tone={STATUS_TONES[entry.status]}>{tFromData(`outbox.status.${entry.status}`)}</Badge>
        <OutboxProblem entry={entry} />
      </td>
      {view === 'open' ? <td className="num">{number(entry.attempts)}</td> : null}
      <td className="nowrap">
        {view === 'open' ? (entry.status === 'queued' ? dateTime(entry.nextAttemptAt) : '–') : entry.sentAt ? dateTime(entry.sentAt) : '–'}
        {view === 'sent' && entry.smtpResponse ? <div className="muted small mono">{entry.smtpResponse}</div> : null}
      </td>
      {view === 'open' ? (
        <td>
          {canAct ? (
            <div className="form-actions">
              <button type="button" className="button" disabled={busy} onClick={() => onAct('outbox.retry')}>{t('outbox.retry')}</button>
              <button type="button" className="button button--ghost" disabled={busy} onClick={() => onAct('outbox.cancel')}>{t('outbox.cancel')}</button>
            </div>
          ) : null}
        </td>
      ) : null}
    </tr>
  )
}

/** What went wrong, in words, the server's own words below; and what happens next. */
function OutboxProblem({ entry }: { entry: OutboxEntry }) {
  const { t, tFromData } = useI18n()
  if (!entry.lastError) return null
  const words = tFromData(`outbox.error.${entry.lastError}`)
  return (
    <div className="small">
      <p role={entry.status === 'failed' ? 'alert' : undefined}>{entry.status === 'sent' ? t('outbox.sentWithProblem', { problem: words }) : words}</p>
      {entry.lastErrorDetail ? (
        <details className="outbox__detail">
          <summary className="muted">{t('outbox.serverDetails')}</summary>
          <p className="muted mono">{entry.lastErrorDetail}</p>
        </details>
      ) : null}
      {entry.status === 'failed' ? <p className="muted">{t('outbox.waitsForYou')}</p> : null}
      {entry.status === 'queued' ? <p className="muted">{t('outbox.retriesAutomatically')}</p> : null}
    </div>
  )
}
