// Cases as a table: the service-level deadline first (overdue ones marked), number and type, customer,
// subject, priority, status and owner.
import { Link } from 'react-router-dom'
import type { CaseListItem } from '../../../../shared/modules/service/service.types'
import { Badge } from '../../components/page'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../lib/i18n'

export function CaseRows({ rows, label }: { rows: CaseListItem[]; label: string }) {
  const { t, dateTime } = useI18n()
  if (rows.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={label}>
        <thead><tr><th>{t('case.due')}</th><th>{t('case.number')}</th><th>{t('case.company')}</th><th>{t('case.subject')}</th><th>{t('case.priority')}</th><th>{t('case.status')}</th><th>{t('case.owner')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={r.overdue ? 'row--urgent' : undefined}>
              <td className="nowrap">{r.slaDue ? <>{dateTime(r.slaDue)}{r.overdue ? <> <Badge tone="warn">{t('case.overdue')}</Badge></> : null}</> : '–'}</td>
              <td className="nowrap"><Link to={`/cases/${r.id}`}>{r.number}</Link><div className="small muted">{t(`enum.caseType.${r.type}`)}</div></td>
              <td><Link to={`/companies/${r.companyId}`}>{r.companyName}</Link></td>
              <td>{r.subject}</td>
              <td>{t(`enum.priority.${r.priority}`)}</td>
              <td><StatusBadge list="caseStatus" value={r.status} /></td>
              <td>{r.ownerName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
