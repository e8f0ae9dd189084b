// Referrals as a table: when, who recommended whom, how far the prospect got, and the thanks (with a
// small form to record them).
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { Referral } from '../../../../shared/modules/service/service.types'
import { StatusBadge } from '../../components/status-badge'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'
import { formatCents, formatMoneyInput, parseMoneyInput } from '../../../../shared/platform/money'

export function ReferralTable({ rows, onChange }: { rows: Referral[]; onChange: () => void }) {
  const { t, date, language } = useI18n()
  const [thanking, setThanking] = useState<string | null>(null)
  return (
    <div className="card">
      <table className="data-table" aria-label={t('referral.title')}>
        <thead><tr><th>{t('referral.date')}</th><th>{t('referral.referrer')}</th><th>{t('referral.prospect')}</th><th>{t('referral.status')}</th><th>{t('referral.thanks')}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{date(r.createdAt)}</td>
              <td><Link to={`/companies/${r.companyId}`}>{r.companyName}</Link>{r.contactName ? <div className="small muted">{r.contactName}</div> : null}</td>
              <td><Link to={`/companies/${r.referredCompanyId}`}>{r.referredCompanyName}</Link></td>
              <td><StatusBadge list="referralStatus" value={r.status} /></td>
              <td>
                {r.thankedAt ? <span>{t('referral.thankedOn', { date: date(r.thankedAt) })}{r.reward ? ` · ${r.reward}` : ''}{r.rewardValueCents ? ` (${formatCents(r.rewardValueCents, language)})` : ''}</span>
                  : thanking === r.id ? <ThankForm referral={r} onDone={() => { setThanking(null); onChange() }} />
                    : <button type="button" className={`button button--small${r.thankDue ? ' button--primary' : ''}`} onClick={() => setThanking(r.id)}>{t('referral.thank')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function ThankForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t, tFromData, language } = useI18n()
  const action = useAction()
  const [reward, setReward] = useState('')
  const [value, setValue] = useState(formatMoneyInput(0, language))
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    // Empty means no value; text that is not an amount goes as NaN and comes back as the field's error.
    const cents = value.trim() === '' ? 0 : parseMoneyInput(value, language)
    const result = await action.run('referrals.thank', { id: referral.id, reward, rewardValueCents: cents ?? Number.NaN, note: '' })
    if (result.ok) onDone()
    else setError(Object.values(result.error.fields ?? {})[0] ?? result.error.message)
  }
  return (
    <form className="step-form" aria-label={t('referral.thank')} onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <label>{t('referral.reward')}<input value={reward} onChange={(e) => setReward(e.target.value)} /></label>
      <label>{t('referral.rewardValue')}<input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} /></label>
      <button type="submit" className="button button--primary button--small" disabled={action.busy}>{t('referral.saveThanks')}</button>
      {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
    </form>
  )
}
