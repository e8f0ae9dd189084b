// One touchpoint on a timeline (the customer's, or a record's such as an offer's mails): when and how, what was
// said or what the app recorded, and for a mail its envelope — from, to, the first lines and the attachments.
import { Link } from 'react-router-dom'
import type { Touchpoint } from '../../../../shared/modules/customers/customer.types'
import { touchpointLine } from '../../../../shared/i18n/event-text'
import { Badge, StationBadge } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { CollapsibleText } from './collapsible-text'

const person = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address)

export function TouchpointItem({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t, dateTime, language } = useI18n()
  const mail = touchpoint.mail
  const line = touchpointLine(language, touchpoint)
  return (
    <li className="timeline__item">
      <time dateTime={touchpoint.occurredAt}>{dateTime(touchpoint.occurredAt)}</time>
      <div className="timeline__body">
        <div className="timeline__meta">
          <Badge>{t(`enum.channel.${touchpoint.channel}`)}</Badge>{' '}
          <Badge tone="muted">{t(`enum.direction.${touchpoint.direction}`)} · {t(`enum.mode.${touchpoint.mode}`)}</Badge>{' '}
          <StationBadge station={touchpoint.station} />
          {touchpoint.contactName ? <span className="muted"> · {touchpoint.contactName}</span> : null}
        </div>
        {mail && touchpoint.messageKey ? <p><strong>{line}</strong></p> : null}
        {mail && !touchpoint.messageKey ? <p><strong>{touchpoint.summary}</strong></p> : null}
        {mail ? (
          <div className="mail-envelope">
            <p className="muted small">{t('touchpoint.mail.fromTo', { from: person(mail.from), to: mail.to.map(person).join(', ') })}</p>
            {mail.snippet ? <p className="prewrap">{mail.snippet}</p> : null}
            {mail.attachments.length > 0 ? (
              <p className="muted small">{t('touchpoint.mail.attachments', { names: mail.attachments.map((a) => a.name).join(', ') })}</p>
            ) : null}
            {touchpoint.mailMessageId ? (
              <Link className="small" to={`/mailbox?touchpointId=${touchpoint.id}`}>{t('touchpoint.mail.open')}</Link>
            ) : null}
          </div>
        ) : <CollapsibleText className="prewrap" text={line} />}
        {touchpoint.createdByName ? <p className="muted small">{t('touchpoint.by', { name: touchpoint.createdByName })}</p> : null}
        {/* "Wiedervorlage": a task to come back to this, for the same customer and contact (issue 16). */}
        <Link className="small" aria-label={t('task.wiedervorlageOf')}
          to={`/tasks/new?${new URLSearchParams({ companyId: touchpoint.companyId, contactId: touchpoint.contactId, sourceTouchpointId: touchpoint.id }).toString()}`}>
          {t('task.wiedervorlage')}
        </Link>
      </div>
    </li>
  )
}
