// The erasure log under Einstellungen, for managers: who erased which record (its id) and when — no name
// of the erased person. A device connected as a rep is told that only managers see it.
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'

export function ErasureLogSection() {
  const { t, tFromData, dateTime } = useI18n()
  const log = useData('erasures.list', {})
  return (
    <div className="card">
      <h2>{t('dsgvo.logTitle')}</h2>
      {log.error ? <p className="muted">{tFromData(log.error)}</p> : !log.data ? <p className="muted" role="status">{t('common.loading')}</p> : (
        <>
          <p>{t('dsgvo.logIntro')}</p>
          {log.data.access === 'standalone' ? <p className="muted">{t('dsgvo.logStandalone')}</p> : null}
          {log.data.entries.length === 0 ? <p className="muted">{t('dsgvo.logEmpty')}</p> : (
            <div className="table-scroll">
              <table className="data-table" aria-label={t('dsgvo.logTitle')}>
                <thead>
                  <tr><th>{t('dsgvo.logWhen')}</th><th>{t('dsgvo.logWho')}</th><th>{t('dsgvo.logRecord')}</th><th>{t('dsgvo.logCompany')}</th><th>{t('dsgvo.logOffers')}</th></tr>
                </thead>
                <tbody>
                  {log.data.entries.map((e) => (
                    <tr key={e.id}>
                      <td>{dateTime(e.erasedAt)}{e.pending ? ` (${t('dsgvo.logPending')})` : ''}</td>
                      <td>{e.erasedByName || e.erasedBy}</td>
                      <td><code>{t('dsgvo.logTable.contacts')} {e.rowId}</code></td>
                      <td>{e.companyName}</td>
                      <td>{e.offerDecision ? t(`enum.offerDecision.${e.offerDecision}`) : '–'}</td>
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
