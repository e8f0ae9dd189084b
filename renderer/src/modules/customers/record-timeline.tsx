// The touchpoints of one record (an offer's mails and the customer's replies in their thread), for the record's
// own page; newest first. Reloaded with every change the window makes and after a sync.
import { Link } from 'react-router-dom'
import type { TouchpointRelatedType } from '../../../../shared/modules/customers'
import { EmptyState } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { TouchpointItem } from './touchpoint-item'

export function RecordTimeline({ relatedType, relatedId }: { relatedType: TouchpointRelatedType; relatedId: string }) {
  const { t } = useI18n()
  const touchpoints = useData('timeline.forRecord', { relatedType, relatedId })
  // Mails of the record that have not left yet: they are not on the timeline until they have.
  const waiting = useData('outbox.list', { status: 'open', relatedId }).data ?? []
  const rows = touchpoints.data ?? []
  return (
    <section className="card" aria-label={t('touchpoint.record.title')}>
      <div className="card__header"><h2>{t('touchpoint.record.title')}</h2></div>
      {waiting.map((mail) => (
        <p key={mail.id} className="notice notice--warn" role="status">
          {t('touchpoint.record.waiting', { subject: mail.subject })} <Link to="/outbox">{t('touchpoint.record.toOutbox')}</Link>
        </p>
      ))}
      {touchpoints.data && rows.length === 0 && waiting.length === 0 ? <EmptyState>{t('touchpoint.record.empty')}</EmptyState> : null}
      {rows.length > 0 ? <ol className="timeline">{rows.map((tp) => <TouchpointItem key={tp.id} touchpoint={tp} />)}</ol> : null}
    </section>
  )
}
