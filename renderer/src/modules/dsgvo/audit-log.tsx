// The privacy log under Einstellungen, for managers: which files with customer data left the app — the
// channel, format, number of records, the person's id for an Art. 15 information — who and when.
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

export function AuditLogSection() {
  const { t, tFromData, dateTime, enumLabel } = useI18n()
  const log = useData('audit.list', {})
  return (
    <div className="card">
      <h2>{t('dsgvo.auditTitle')}</h2>
      {log.error ? <p className="muted">{tFromData(log.error)}</p> : !log.data ? <p className="muted" role="status">{t('common.loading')}</p> : (
        <>
          <p>{t('dsgvo.auditIntro')}</p>
          {log.data.entries.length === 0 ? <p className="muted">{t('dsgvo.auditEmpty')}</p> : (
            <div className="table-scroll">
              <table className="data-table" aria-label={t('dsgvo.auditTitle')}>
                <thead>
                  <tr><th>{t('dsgvo.logWhen')}</th><th>{t('dsgvo.logWho')}</th><th>{t('dsgvo.auditWhat')}</th><th className="num">{t('dsgvo.auditRows')}</th><th>{t('dsgvo.auditPerson')}</th></tr>
                </thead>
                <tbody>
                  {log.data.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{dateTime(e.at)}{e.pending ? ` (${t('dsgvo.logPending')})` : ''}</td>
                      <td>{e.byName || e.byUser}</td>
                      <td>{enumLabel('auditKind', e.kind)} <code>{e.channel}</code>{e.format ? ` (${e.format})` : ''}</td>
                      <td className="num">{e.rows}</td>
                      <td>{e.subjectId ? <code>{e.subjectId}</code> : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
