// One case: its service-level deadlines, the next steps of its workflow (with "customer informed"),
// the type-specific part (complaint analysis and satisfaction, warranty decision, return steps), and
// the timeline of everything done.
import { Link, useParams } from 'react-router-dom'
import { isOpenCase, isOverdueCase } from '../../../../shared/modules/service/service.enums'
import { Badge, LoadError, PageHeader } from '../../components/page'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../lib/i18n'
import { appNow } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { AssignPanel } from './case-assign-panel'
import { ComplaintPanel } from './case-complaint-panel'
import { ReturnPanel } from './case-return-panel'
import { CaseTimeline } from './case-timeline'
import { TransitionPanel } from './case-transition-panel'
import { WarrantyPanel } from './case-warranty-panel'
import { RecordTimeline } from '../customers'
import { RecordPanels } from '../../components/record-panels'

export function CasePage() {
  const { t, dateTime, date } = useI18n()
  const { id = '' } = useParams()
  const loaded = useData('cases.get', { id })
  if (loaded.error) return <LoadError message={loaded.error} />
  const c = loaded.data
  if (!c) return <p className="page muted">{t('common.loading')}</p>
  const open = isOpenCase(c.status)
  const overdue = isOverdueCase(c, appNow().toISOString())
  // The mail that fits the case's step: the acknowledgement while a complaint is new, the resolution once solved.
  const purpose = c.type !== 'complaint' ? 'case' : c.status === 'resolved' || c.status === 'closed' ? 'complaint_resolved' : c.status === 'new' || c.status === 'acknowledged' ? 'complaint_acknowledged' : 'case'
  return (
    <section className="page">
      <PageHeader
        title={t('case.title', { type: t(`enum.caseType.${c.type}`), number: c.number })}
        subtitle={
          <>
            <StatusBadge list="caseStatus" value={c.status} />
            <Badge tone={c.priority === 'urgent' || c.priority === 'high' ? 'warn' : 'muted'}>{t(`enum.priority.${c.priority}`)}</Badge>
            <Link to={`/companies/${c.companyId}`}>{c.companyName}</Link>
            {c.contactName ? <span>· {c.contactName}</span> : null}
          </>
        }
        actions={<Link className="button" to={`/mail/compose?purpose=${purpose}&relatedId=${c.id}`}>{t('case.sendMail')}</Link>}
      />
      {/* Keyed by the case, so the panels' forms start from this case when another one is opened. */}
      <div className="company-layout" key={c.id}>
        <div className="card">
          <h2>{c.subject}</h2>
          {c.description ? <p className="prewrap">{c.description}</p> : null}
          <dl className="details">
            <div className="details__item"><dt>{t('case.receivedAt')}</dt><dd>{dateTime(c.receivedAt)} · {t(`enum.caseChannel.${c.channel}`)}</dd></div>
            <div className={`details__item${c.status === 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.acknowledgeDue')}</dt><dd>{dateTime(c.acknowledgeDue)}{c.acknowledgedAt ? ` · ${t('case.doneAt', { when: dateTime(c.acknowledgedAt) })}` : ''}</dd></div>
            <div className={`details__item${c.status !== 'new' && overdue ? ' sla--overdue' : ''}`}><dt>{t('case.resolveDue')}</dt><dd>{date(c.resolveDue)}{c.resolvedAt ? ` · ${t('case.doneAt', { when: dateTime(c.resolvedAt) })}` : ''}</dd></div>
            {overdue ? <div className="details__item sla--overdue"><dt>{t('case.sla')}</dt><dd role="status">{t('case.overdue')}</dd></div> : null}
            {c.assetName ? <div className="details__item"><dt>{t('case.asset')}</dt><dd>{c.assetName}{c.assetWarrantyEnd ? ` · ${t('asset.warrantyUntil', { date: date(c.assetWarrantyEnd) })}` : ''}</dd></div> : null}
            <div className="details__item"><dt>{t('case.owner')}</dt><dd>{c.ownerName || '–'}</dd></div>
            {c.rejectionReason ? <div className="details__item"><dt>{t('case.rejectionReason')}</dt><dd>{c.rejectionReason}</dd></div> : null}
          </dl>
          <TransitionPanel c={c} onDone={loaded.reload} />
          {open ? <AssignPanel c={c} onDone={loaded.reload} /> : null}
        </div>
        <div className="card">
          {c.type === 'complaint' ? <ComplaintPanel c={c} onDone={loaded.reload} /> : null}
          {c.type === 'warranty' ? <WarrantyPanel c={c} onDone={loaded.reload} /> : null}
          {c.type === 'return' ? <ReturnPanel c={c} onDone={loaded.reload} /> : null}
          <CaseTimeline c={c} onDone={loaded.reload} />
        </div>
      </div>
      <RecordPanels record={{ kind: 'case', id: c.id, companyId: c.companyId }} />
      <RecordTimeline relatedType="case" relatedId={c.id} />
    </section>
  )
}
