// Finding a lead to erase its person (DSGVO Art. 17) that the inbox does not list — a Marketing-Lead below the
// threshold or a rejected lead — by name, e-mail or company; each found lead has the erase button with its confirmation.
import { useState } from 'react'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { LeadEraseButton } from './lead-erase-button'

export function LeadErasureSearch({ onErased }: { onErased: () => void }) {
  const { t, number } = useI18n()
  const [search, setSearch] = useState('')
  const term = search.trim()
  // The service lists nothing for a text shorter than two characters (LEAD_ERASURE_MIN_SEARCH).
  const found = useData('leadErasure.list', term ? { search: term } : null)

  return (
    <section className="card" aria-label={t('dsgvo.leadSearchTitle')}>
      <h2>{t('dsgvo.leadSearchTitle')}</h2>
      <p className="muted">{t('dsgvo.leadSearchIntro')}</p>
      <label className="field">{t('dsgvo.leadSearchLabel')}{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {term && found.data?.length === 0 ? <p>{t('dsgvo.leadSearchEmpty')}</p> : null}
      {term && found.data && found.data.length > 0 ? (
        <ul className="stack" aria-label={t('dsgvo.leadSearchResults')}>
          {found.data.map((lead) => (
            <li key={lead.id} aria-label={lead.name}>
              <strong>{lead.name}</strong> · {lead.email} · {lead.companyName} · {t(`dsgvo.leadStatus.${lead.status}`)} · {number(lead.score)}
              <LeadEraseButton leadId={lead.id} name={lead.name} onErased={() => { found.reload(); onErased() }} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
