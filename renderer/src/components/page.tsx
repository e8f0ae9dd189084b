// Small building blocks of a screen: header with actions, empty state, badges, a confirm-and-delete button.
import type { ReactNode } from 'react'
import { useI18n } from '../lib/i18n'

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  )
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <p>{children}</p>
      {action}
    </div>
  )
}

export type Tone = 'neutral' | 'station' | 'good' | 'warn' | 'muted'

export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>
}

export function StationBadge({ station }: { station: string | null }) {
  const { t } = useI18n()
  return <Badge tone={station ? 'station' : 'muted'}>{t(`enum.station.${station ?? 'none'}`)}</Badge>
}

export function LoadError({ message }: { message: string }) {
  const { t } = useI18n()
  return <div className="form-error" role="alert">{t(message)}</div>
}
