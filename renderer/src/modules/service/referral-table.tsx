// Referrals as a table: when, who recommended whom, how far the prospect got, and the thanks (with a
// small form to record them).
import { useState } from 'react'
import { referralThanksSchema } from '../../../../shared/modules/service/service.schema'
import { MoneyField, TextField } from '../../components/form-fields'
import { PanelForm, SaveButton, usePanel } from './case-panel-form'
import { Link } from 'react-router-dom'
import type { Referral } from '../../../../shared/modules/service/service.types'
import { StatusBadge } from '../../components/status-badge'
import { useI18n } from '../../lib/i18n'
import { formatCents } from '../../../../shared/platform/money'

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
                    : (
                      <span className="inline-actions">
                        <button type="button" className={`button button--small${r.thankDue ? ' button--primary' : ''}`} onClick={() => setThanking(r.id)}>{t('referral.thank')}</button>
                        <Link className="button button--small button--ghost" to={`/mail/compose?purpose=referral_thanks&relatedId=${r.id}`}>{t('referral.thankByMail')}</Link>
                      </span>
                    )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The thanks for a referral: the reward and its value (typed the German way; empty is none). */
function ThankForm({ referral, onDone }: { referral: Referral; onDone: () => void }) {
  const { t } = useI18n()
  const panel = usePanel({
    channel: 'referrals.thank', schema: referralThanksSchema, defaultValues: { id: referral.id, reward: '', rewardValueCents: 0, note: '' },
    shown: ['reward', 'rewardValueCents'], onSaved: onDone,
  })
  return (
    <PanelForm panel={panel} label={t('referral.thank')} actions={<SaveButton label={t('referral.saveThanks')} />}>
      <TextField name="reward" label={t('referral.reward')} />
      <MoneyField name="rewardValueCents" label={t('referral.rewardValue')} emptyCents={0} />
    </PanelForm>
  )
}
