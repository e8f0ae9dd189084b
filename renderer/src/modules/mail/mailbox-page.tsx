// "E-Mails": the mails read from the rep's mailbox that concern known contacts — filed to the customer, private,
// not filed, or unreadable — newest first, with "E-Mails abrufen" and what the read did in words, and per mail
// the rep's choice: "Nicht ablegen", "Privat", "Wieder ablegen". A mail opens in a dialog (as text, never HTML).
import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import { MAILBOX_READ_LIMIT, type MailboxReadReport, type MailMessageItem, type MailMessageState } from '../../../../shared/modules/mail'
import { Badge, EmptyState, LoadError, PageHeader, type Tone } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { MailDetailDialog, addressLine } from './mail-touchpoint'

const PAGE = 50
const FILTERS = ['all', 'filed', 'private', 'unfiled', 'malformed'] as const
type Filter = (typeof FILTERS)[number]
type Choice = 'filed' | 'unfiled' | 'private'

const TONE: Record<MailMessageState, Tone> = { filed: 'good', private: 'neutral', unfiled: 'muted', malformed: 'warn' }
/** What the rep may choose in each state (an unreadable mail is only opened). */
const CHOICES: Record<MailMessageState, Choice[]> = { filed: ['unfiled', 'private'], private: ['filed', 'unfiled'], unfiled: ['filed', 'private'], malformed: [] }

export function MailboxPage() {
  const { t, tFromData } = useI18n()
  const [params, setParams] = useSearchParams()
  const [filter, setFilter] = useState<Filter>('all')
  const [offset, setOffset] = useState(0)
  const [report, setReport] = useState<MailboxReadReport | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Opened from a touchpoint ("Nachricht öffnen"): that mail alone, opened at once when it is on this device.
  const touchpointId = params.get('touchpointId')
  const list = useData('mailbox.list', touchpointId ? { state: 'all', touchpointId, offset: 0, limit: 1 } : { state: filter, offset, limit: PAGE })
  const fetching = useAction()
  const choosing = useAction()
  const openId = params.get('open')
  const open = (id: string | null) => setParams(id ? { open: id } : {}, { replace: true })
  const first = touchpointId ? list.data?.rows[0]?.id : undefined
  useEffect(() => {
    if (first) setParams({ open: first }, { replace: true })
  }, [first, setParams])

  const fetchNow = async () => {
    setError(null)
    setNotice(null)
    const result = await fetching.run('mailbox.fetch', {})
    if (result.ok) {
      setReport(result.data)
      list.reload()
    } else setError(tFromData(result.error.message))
  }
  const choose = async (mail: MailMessageItem, state: Choice) => {
    setError(null)
    setNotice(null)
    const result = await choosing.run('mailbox.setState', { id: mail.id, state })
    if (result.ok) setNotice(t(`mailbox.done.${state}`))
    else setError(tFromData(result.error.message))
    list.reload()
  }

  const page = list.data
  return (
    <section className="page">
      <PageHeader title={t('mailbox.title')} subtitle={t('mailbox.subtitle')} actions={
        <button type="button" className="button button--primary" disabled={fetching.busy} onClick={() => void fetchNow()}>
          {fetching.busy ? t('mailbox.fetching') : t('mailbox.fetch')}
        </button>
      } />
      {report ? <ReadReport report={report} /> : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="toolbar">
        <label>{t('mailbox.filterState')}
          <select value={filter} onChange={(e) => {
            setFilter(e.target.value as Filter)
            setOffset(0)
          }}>
            {FILTERS.map((f) => <option key={f} value={f}>{t(`mailbox.state.${f}`)}</option>)}
          </select>
        </label>
      </div>
      {list.error ? <LoadError message={list.error} /> : null}
      {page && page.rows.length === 0 ? <EmptyState>{t(touchpointId ? 'mailbox.notOnDevice' : 'mailbox.empty')}</EmptyState> : null}
      {page && page.rows.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data-table" aria-label={t('mailbox.listLabel')}>
              <thead>
                <tr>
                  <th>{t('mailbox.col.date')}</th><th>{t('mailbox.col.correspondent')}</th><th>{t('mailbox.col.subject')}</th>
                  <th>{t('mailbox.col.customer')}</th><th>{t('mailbox.col.state')}</th><th>{t('mailbox.col.actions')}</th>
                </tr>
              </thead>
              <tbody>{page.rows.map((mail) => <MailRow key={mail.id} mail={mail} busy={choosing.busy} onOpen={() => open(mail.id)} onChoose={(s) => void choose(mail, s)} />)}</tbody>
            </table>
          </div>
          <Pager offset={offset} shown={page.rows.length} total={page.total} onMove={setOffset} />
        </>
      ) : null}
      {openId ? <MailDetailDialog key={openId} id={openId} onClose={() => open(null)} /> : null}
    </section>
  )
}

function MailRow({ mail, busy, onOpen, onChoose }: { mail: MailMessageItem; busy: boolean; onOpen: () => void; onChoose: (state: Choice) => void }) {
  const { t, dateTime } = useI18n()
  const subject = mail.subject || t('mailbox.noSubject')
  const label: Record<Choice, string> = {
    filed: t('mailbox.action.refileLabel', { subject }), unfiled: t('mailbox.action.unfileLabel', { subject }), private: t('mailbox.action.privateLabel', { subject }),
  }
  const text: Record<Choice, string> = { filed: t('mailbox.action.refile'), unfiled: t('mailbox.action.unfile'), private: t('mailbox.action.private') }
  return (
    <tr>
      <td className="nowrap">{dateTime(mail.sentAt)}</td>
      <td>
        <span className="muted small">{t(`mailbox.direction.${mail.direction}`)}</span><br />
        {mail.direction === 'inbound' ? addressLine(mail.from) : mail.to.map(addressLine).join(', ')}
      </td>
      <td>
        {subject}
        {mail.snippet ? <div className="muted small">{mail.snippet}</div> : null}
        {mail.attachments.length > 0 ? <div className="muted small">{t('mailbox.touchpoint.attachments', { names: mail.attachments.map((a) => a.name || t('mailbox.attachmentUnnamed')).join(', ') })}</div> : null}
      </td>
      <td>
        {mail.companyId ? <Link to={`/companies/${mail.companyId}`}>{mail.companyName}</Link> : '–'}
        {mail.contactName ? <div className="muted small">{mail.contactName}</div> : null}
      </td>
      <td><Badge tone={TONE[mail.state]}>{t(`mailbox.state.${mail.state}`)}</Badge></td>
      <td>
        <div className="form-actions">
          <button type="button" className="button button--small" aria-label={t('mailbox.action.openLabel', { subject })} onClick={onOpen}>{t('mailbox.action.open')}</button>
          {CHOICES[mail.state].map((choice) => (
            <button key={choice} type="button" className="button button--small" disabled={busy} aria-label={label[choice]} onClick={() => onChoose(choice)}>{text[choice]}</button>
          ))}
        </div>
      </td>
    </tr>
  )
}

function Pager({ offset, shown, total, onMove }: { offset: number; shown: number; total: number; onMove: (offset: number) => void }) {
  const { t } = useI18n()
  if (total <= PAGE) return null
  return (
    <div className="form-actions stack-gap">
      <button type="button" className="button button--small" disabled={offset === 0} onClick={() => onMove(Math.max(0, offset - PAGE))}>{t('mailbox.prev')}</button>
      <span className="muted">{t('mailbox.range', { from: offset + 1, to: offset + shown, total })}</span>
      <button type="button" className="button button--small" disabled={offset + shown >= total} onClick={() => onMove(offset + PAGE)}>{t('mailbox.next')}</button>
    </div>
  )
}

/** What "E-Mails abrufen" did, folder by folder, in words. */
function ReadReport({ report }: { report: MailboxReadReport }) {
  const { t } = useI18n()
  if (report.error) {
    return (
      <div className="form-error" role="alert">
        {t(`mailbox.readError.${report.error}`)}
        {report.detail ? <div className="small">{t('mailbox.detail.errorDetail', { detail: report.detail })}</div> : null}
      </div>
    )
  }
  return (
    <div className="notice" role="status" aria-label={t('mailbox.report.title')}>
      {report.mailboxes.map((m) => {
        const folder = m.role === 'inbox' ? t('mailbox.report.folder.inbox') : t('mailbox.report.folder.sent')
        if (m.error) return <p key={m.name}>{t('mailbox.report.folderError', { folder, reason: t(`mailbox.readError.${m.error}`) })}</p>
        return (
          <p key={m.name}>
            {t('mailbox.report.summary', { folder, read: m.read, filed: m.filed + m.tooLarge })}
            {m.limited ? <> {t('mailbox.report.limited', { total: m.total, days: report.sinceDays, limit: MAILBOX_READ_LIMIT, remaining: m.remaining })}</> : null}
            {m.linked > 0 ? <> {t('mailbox.report.linked', { count: m.linked })}</> : null}
            {m.malformed > 0 ? <> {t('mailbox.report.malformed', { count: m.malformed })}</> : null}
            {m.tooLarge > 0 ? <> {t('mailbox.report.tooLarge', { count: m.tooLarge })}</> : null}
            {m.restarted ? <> {t('mailbox.report.restarted', { folder })}</> : null}
          </p>
        )
      })}
    </div>
  )
}
