// The frame of every form field: label, control, hint and the error at the field, in the UI language.
import type { ReactNode } from 'react'
import { useFormContext } from 'react-hook-form'
import { useI18n } from '../lib/i18n'

export interface BaseProps {
  name: string
  label: string
  required?: boolean
  hint?: string
  wide?: boolean
}

export function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext()
  const error = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], formState.errors) as
    | { message?: string }
    | undefined
  return error?.message
}

export function FieldFrame({ id, label, required, hint, error, wide, children }: { id: string; label: string; required?: boolean | undefined; hint?: string | undefined; error?: string | undefined; wide?: boolean | undefined; children: ReactNode }) {
  const { tFromData } = useI18n()
  return (
    <div className={`field${wide ? ' field--wide' : ''}${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint && !error ? <p className="field__hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {tFromData(error.startsWith('errors.') ? error : 'errors.invalid')}
        </p>
      ) : null}
    </div>
  )
}

export const describedBy = (id: string, error: string | undefined, hint: string | undefined) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined

