// Filters shared by the lists and reports: the owner, and a date range with its period.
import { useI18n } from '../lib/i18n'
import { useData } from '../lib/use-data'
import { isOneOf } from '../../../shared/platform/value-lists'
import { DateInput } from './form-fields'

/** "Verantwortlich": everyone, or one colleague. */
export function OwnerFilter({ value, onChange }: { value: string; onChange: (ownerId: string) => void }) {
  const { t } = useI18n()
  const users = useData('users.list', {})
  return (
    <label>{t('followUp.owner')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.all')}</option>
        {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
      </select>
    </label>
  )
}

const PERIODS = ['month', 'quarter', 'year'] as const
export type Period = (typeof PERIODS)[number]

export function ReportRange({ from, to, period, onChange }: { from: string; to: string; period: Period; onChange: (range: { from: string; to: string; period: Period }) => void }) {
  const { t } = useI18n()
  return (
    <div className="toolbar">
      <DateInput label={t('report.from')} value={from} onChange={(day) => onChange({ from: day, to, period })} />
      <DateInput label={t('report.to')} value={to} onChange={(day) => onChange({ from, to: day, period })} />
      <label>{t('report.period')}
        <select value={period} onChange={(e) => onChange({ from, to, period: isOneOf(PERIODS, e.target.value) ? e.target.value : period })}>
          {PERIODS.map((p) => <option key={p} value={p}>{t(`report.period.${p}`)}</option>)}
        </select>
      </label>
    </div>
  )
}
