// Small building blocks of a screen: header with actions, empty state, badges, a confirm-and-delete button.
import type { ReactNode } from 'react'
import type { Station } from '../../../shared/modules/customers'
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

export function StationBadge({ station }: { station: Station | 'none' | null }) {
  const { enumLabel } = useI18n()
  return <Badge tone={station ? 'station' : 'muted'}>{enumLabel('station', station ?? 'none')}</Badge>
}

/** A failed load: the error key from main (or a key of the page), shown in words. */
export function LoadError({ message }: { message: string }) {
  const { tFromData } = useI18n()
  return <div className="form-error" role="alert">{tFromData(message)}</div>
}
