// The erasure log under Einstellungen, for managers: who erased which record (its id) and when — no name
// of the erased person. A device connected as a rep is told that only managers see it.
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { LogCard } from './log-card'

export function ErasureLogSection() {
  const { t, dateTime } = useI18n()
  return (
    <LogCard title={t('dsgvo.logTitle')} intro={t('dsgvo.logIntro')} empty={t('dsgvo.logEmpty')} log={useData('erasures.list', {})}
      note={(data) => (data.access === 'standalone' ? <p className="muted">{t('dsgvo.logStandalone')}</p> : null)}
      head={<tr><th>{t('dsgvo.logWhen')}</th><th>{t('dsgvo.logWho')}</th><th>{t('dsgvo.logRecord')}</th><th>{t('dsgvo.logCompany')}</th><th>{t('dsgvo.logOffers')}</th></tr>}
      rows={(data) => data.entries.map((e) => (
        <tr key={e.id}>
          <td>{dateTime(e.erasedAt)}{e.pending ? ` (${t('dsgvo.logPending')})` : ''}</td>
          <td>{e.erasedByName || e.erasedBy}</td>
          <td><code>{t(e.tableName === 'leads' ? 'dsgvo.logTable.leads' : 'dsgvo.logTable.contacts')} {e.rowId}</code></td>
          <td>{e.companyName}</td>
          <td>{e.offerDecision ? t(`enum.offerDecision.${e.offerDecision}`) : '–'}</td>
        </tr>
      ))} />
  )
}
