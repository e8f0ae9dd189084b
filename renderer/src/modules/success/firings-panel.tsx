// The early warnings of a customer, on its page (issue 17): each firing with its day, the reason in the reader's
// language, its task and whether it is done; a rule that proposes a mail links to the composer for its record.
import { Link } from 'react-router-dom'
import type { RecordRef } from '../../components/record-panels'
import { Badge, LoadError } from '../../components/page'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { eventMessage } from '../../../../shared/i18n/event-text'
import type { TriggerFiringView } from '../../../../shared/modules/success'

/** The composer's purpose for the record a firing names (mail templates are per purpose). */
const MAIL_PURPOSE = { case: 'case', contract: 'contract', offer: 'follow_up' } as const

const mailLink = (f: TriggerFiringView): string | null =>
  f.action === 'propose_mail' && f.relatedType && f.relatedId ? `/mail/compose?${new URLSearchParams({ purpose: MAIL_PURPOSE[f.relatedType], relatedId: f.relatedId }).toString()}` : null

export function FiringsPanel({ record }: { record: RecordRef }) {
  const { t, date, enumLabel, language } = useI18n()
  const list = useData('triggerFirings.list', record.kind === 'company' ? { companyId: record.id } : null)
  if (record.kind !== 'company') return null
  const headingId = `firings-${record.id}`
  return (
    <section className="card stack stack-gap" aria-labelledby={headingId}>
      <div className="card__header"><h2 id={headingId}>{t('triggers.firings')}</h2></div>
      {list.error ? <LoadError message={list.error} /> : null}
      {list.data && list.data.length === 0 ? <p className="muted">{t('triggers.firingsEmpty')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table" aria-label={t('triggers.firings')}>
          <thead><tr><th className="nowrap">{t('triggers.firing.on')}</th><th>{t('triggers.col.rule')}</th><th>{t('triggers.firing.task')}</th></tr></thead>
          <tbody>
            {list.data.map((f) => {
              const mail = mailLink(f)
              return (
                <tr key={f.id}>
                  <td className="nowrap">{date(f.firedOn)}</td>
                  <td>
                    <strong>{enumLabel('triggerSignal', f.signal)}</strong>
                    <div className="muted small">{eventMessage(language, f.messageKey, f.messageParams)}</div>
                  </td>
                  <td>
                    {f.taskId ? <Link to={`/tasks/${f.taskId}`}>{f.assigneeName || t('triggers.firing.task')}</Link> : '–'}{' '}
                    {f.taskStatus ? <Badge tone={f.taskStatus === 'done' ? 'good' : 'warn'}>{f.taskStatus === 'done' ? t('triggers.firing.taskDone') : t('triggers.firing.taskOpen')}</Badge> : null}
                    {mail ? <div><Link to={mail}>{t('triggers.firing.writeMail')}</Link></div> : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
