// What the appointment form and the visit report's "next appointment" share: the wall-clock arithmetic of the
// default end (start + 1 hour), the participant checkboxes (the customer's contacts with their buying role, and
// colleagues), server field errors named inside an update's `fields`, and how an appointment's time and status show.
import { useId } from 'react'
import { useFormContext } from 'react-hook-form'
import type { Appointment } from '../../../../shared/modules/planning'
import { berlinLocalTime } from '../../../../shared/platform/berlin-time'
import type { AppErrorData } from '../../../../shared/platform/result'
import type { Tone } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { appNow } from '../../lib/today'

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

/** A German wall-clock time plus minutes, on the wall clock ("2026-12-02T10:00" + 60 → "2026-12-02T11:00"). */
export function addMinutesLocal(local: string, minutes: number): string | null {
  if (!LOCAL.test(local)) return null
  const at = Date.parse(`${local}:00.000Z`)
  return Number.isFinite(at) ? new Date(at + minutes * 60_000).toISOString().slice(0, 16) : null
}

/** An update's field errors sit under `fields.`; the form's fields are the appointment's own. */
export const withoutFieldsPrefix = (error: AppErrorData): AppErrorData =>
  error.fields ? { ...error, fields: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^fields\./, ''), v])) } : error

export interface ParticipantOption {
  id: string
  label: string
  detail: string
}

/** Checkboxes over a list of ids held by the form (`contactIds`, `userIds`). */
export function ParticipantChecks({ name, legend, options, empty }: { name: 'contactIds' | 'userIds'; legend: string; options: ParticipantOption[]; empty: string }) {
  const { tFromData } = useI18n()
  const id = useId()
  const { watch, setValue, formState } = useFormContext()
  const chosen = (watch(name) as string[] | undefined) ?? []
  const error = (formState.errors[name]?.message as string | undefined) ?? ''
  const toggle = (value: string, on: boolean) =>
    setValue(name, on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value), { shouldDirty: true })
  return (
    <div className="field field--wide">
      <div className="checkbox-group" role="group" aria-labelledby={`${id}-legend`} aria-describedby={error ? `${id}-error` : undefined}>
        <p className="checkbox-group__label" id={`${id}-legend`}>{legend}</p>
        {options.length === 0 ? <p className="muted small">{empty}</p> : null}
        {options.map((o) => (
          <label key={o.id}>
            <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.label}{o.detail ? <span className="muted small"> · {o.detail}</span> : null}
          </label>
        ))}
      </div>
      {error ? <p className="field__error" id={`${id}-error`} role="alert">{tFromData(error)}</p> : null}
    </div>
  )
}

export const STATUS_TONE: Record<Appointment['status'], Tone> = { planned: 'station', done: 'good', cancelled: 'muted' }

/** "Mi., 02.12.2026, 10:00–11:30 Uhr": an appointment's time as the reader writes it. */
export function useWhen() {
  const { t, date, language } = useI18n()
  return (a: Pick<Appointment, 'startsAt' | 'endsAt'>) => {
    const weekday = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${a.startsAt.slice(0, 10)}T12:00:00Z`))
    const day = `${weekday} ${date(`${a.startsAt.slice(0, 10)}T12:00:00Z`)}`
    const end = a.endsAt.slice(0, 10) === a.startsAt.slice(0, 10) ? a.endsAt.slice(11) : `${date(`${a.endsAt.slice(0, 10)}T12:00:00Z`)} ${a.endsAt.slice(11)}`
    return t('appointment.timeRange', { day, start: a.startsAt.slice(11), end })
  }
}

/** The wall clock in Germany now, "YYYY-MM-DDTHH:MM" (the app's clock). */
export const nowLocal = (): string => berlinLocalTime(appNow().toISOString())

