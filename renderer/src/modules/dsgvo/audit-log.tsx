// The privacy log under Einstellungen, for managers: which files with customer data left the app — the
// channel, format, number of records, the person's id for an Art. 15 information — who and when.
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { LogCard } from './log-card'

export function AuditLogSection() {
  const { t, dateTime, enumLabel } = useI18n()
  return (
    <LogCard title={t('dsgvo.auditTitle')} intro={t('dsgvo.auditIntro')} empty={t('dsgvo.auditEmpty')} log={useData('audit.list', {})}
      head={<tr><th>{t('dsgvo.logWhen')}</th><th>{t('dsgvo.logWho')}</th><th>{t('dsgvo.auditWhat')}</th><th className="num">{t('dsgvo.auditRows')}</th><th>{t('dsgvo.auditPerson')}</th></tr>}
      rows={(data) => data.entries.map((e) => (
        <tr key={e.id}>
          <td>{dateTime(e.at)}{e.pending ? ` (${t('dsgvo.logPending')})` : ''}</td>
          <td>{e.byName || e.byUser}</td>
          <td>{enumLabel('auditKind', e.kind)} <code>{e.channel}</code>{e.format ? ` (${e.format})` : ''}</td>
          <td className="num">{e.rows}</td>
          <td>{e.subjectId ? <code>{e.subjectId}</code> : '–'}</td>
        </tr>
      ))} />
  )
}
