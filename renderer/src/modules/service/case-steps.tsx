// The small forms a case is worked with: what to write, whether the customer was informed, and the
// button; and the first error of a step's answer, to show under it.
import type { ReactNode } from 'react'
import { useI18n } from '../../lib/i18n'

export type StepResult = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } }
export const firstError = (r: StepResult) => (r.ok ? null : (Object.values(r.error.fields ?? {})[0] ?? r.error.message))

/** A small form: what to write, whether the customer was informed, and the button. */
export function StepForm({ label, children, onSubmit, submitLabel, error }: { label: string; children?: ReactNode; onSubmit: () => void; submitLabel: string; error: string | null }) {
  const { tFromData } = useI18n()
  return (
    <form className="step-form" aria-label={label} onSubmit={(e) => { e.preventDefault(); onSubmit() }} noValidate>
      {children}
      <div className="form-actions"><button type="submit" className="button button--primary">{submitLabel}</button></div>
      {error ? <p className="field__error" role="alert">{tFromData(error)}</p> : null}
    </form>
  )
}

export function Informed({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n()
  return <label className="checkbox"><input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} /> {t('case.customerInformed')}</label>
}
