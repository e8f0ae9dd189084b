// Settings → Kalender-Abo: the private subscription address the sync server serves (docs/calendar-feed.md).
// The address is shown once, right after it was made; the server keeps only its hash.
import { useEffect, useState } from 'react'
import type { CalendarFeedCreated, CalendarFeedStatus } from '../../../../shared/modules/planning'
import { call } from '../../lib/api'
import { useDataVersion } from '../../lib/data-events'
import { useI18n } from '../../lib/i18n'
import { useAction } from '../../lib/use-action'

const HOW_TO = ['calendarFeed.howTo.outlook', 'calendarFeed.howTo.thunderbird', 'calendarFeed.howTo.apple', 'calendarFeed.howTo.google'] as const

export function CalendarFeedSection() {
  const { t, tFromData, dateTime } = useI18n()
  const version = useDataVersion()
  const [status, setStatus] = useState<CalendarFeedStatus | null>(null)
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** Why the state could not be read (the server unreachable): a calm line, the sync section above says the rest. */
  const [unknown, setUnknown] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  /**
   * Each address made or ended starts a new round of buttons (a fresh useAction): a double click still makes one
   * address, but "new address" after "end", or a deliberate second "new address", is never answered with an
   * earlier, dead address from the request ledger.
   */
  const [round, setRound] = useState(0)

  useEffect(() => {
    let live = true
    void call('calendarFeed.status', {}).then((r) => {
      if (!live) return
      setUnknown(r.ok ? null : r.error.message)
      if (r.ok) setStatus(r.data)
    })
    return () => {
      live = false
    }
  }, [version])

  const showCreated = (data: CalendarFeedCreated) => {
    setCreated(data)
    setStatus({ available: true, active: true, createdAt: data.createdAt })
    setRound((n) => n + 1)
  }
  const revoked = (data: CalendarFeedStatus) => {
    setCreated(null)
    setStatus(data)
    setNotice(t('calendarFeed.revoked'))
    setRound((n) => n + 1)
  }
  const started = () => {
    setError(null)
    setNotice(null)
    setCopied(false)
  }
  const copy = async () => {
    if (!created) return
    await navigator.clipboard.writeText(created.url).then(() => setCopied(true), () => setCopied(false))
  }

  if (!status && !error && !unknown) return null
  return (
    <section className="card" id="calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('calendarFeed.title')}</h2>
      <p>{t('calendarFeed.intro')}</p>
      {status && !status.available ? <p className="muted">{t('calendarFeed.unavailable')}</p> : null}
      {unknown ? <p className="muted">{tFromData(unknown)}</p> : null}
      {status?.available ? (
        <>
          <p>{status.active && status.createdAt ? t('calendarFeed.active', { date: dateTime(status.createdAt) }) : t('calendarFeed.inactive')}</p>
          {created ? (
            <div className="field">
              <label htmlFor="calendar-feed-url">{t('calendarFeed.url')}</label>
              <div className="field field--inline">
                <input id="calendar-feed-url" className="mono" readOnly value={created.url} onFocus={(e) => e.currentTarget.select()} />
                <button type="button" className="button" onClick={() => void copy()}>{copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}</button>
              </div>
              <p className="field__hint" role="status">{t('calendarFeed.shownOnce')}</p>
            </div>
          ) : null}
          <h3>{t('calendarFeed.howTo')}</h3>
          <ul>{HOW_TO.map((key) => <li key={key}>{t(key)}</li>)}</ul>
          <p className="muted small">{t('calendarFeed.privacy')}</p>
          <FeedButtons key={round} active={status.active || !!created} onStart={started} onCreated={showCreated} onRevoked={revoked} onError={setError} />
        </>
      ) : null}
      {notice ? <p role="status">{notice}</p> : null}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
    </section>
  )
}

interface FeedButtonsProps {
  active: boolean
  onStart(): void
  onCreated(data: CalendarFeedCreated): void
  onRevoked(data: CalendarFeedStatus): void
  onError(key: string): void
}

function FeedButtons({ active, onStart, onCreated, onRevoked, onError }: FeedButtonsProps) {
  const { t } = useI18n()
  const action = useAction()
  const create = async () => {
    onStart()
    const r = await action.run('calendarFeed.create', {})
    if (r.ok) onCreated(r.data)
    else onError(r.error.message)
  }
  const revoke = async () => {
    onStart()
    const r = await action.run('calendarFeed.revoke', {})
    if (r.ok) onRevoked(r.data)
    else onError(r.error.message)
  }
  return (
    <div className="form-actions">
      <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void create()}>
        {active ? t('calendarFeed.reset') : t('calendarFeed.create')}
      </button>
      {active ? <button type="button" className="button button--ghost" disabled={action.busy} onClick={() => void revoke()}>{t('calendarFeed.revoke')}</button> : null}
    </div>
  )
}
