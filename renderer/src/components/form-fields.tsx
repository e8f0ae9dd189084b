// Form controls bound to react-hook-form: label, control and the error at the field, in the UI language.
import { useId, useState, type ReactNode } from 'react'
import { useController, useFormContext, useFormState, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import type { AppErrorData } from '../../../shared/platform/result'
import { Link } from 'react-router-dom'
import type { EnumList, EnumValue } from '../../../shared/i18n'
import { useI18n } from '../lib/i18n'
import { formatMoneyInput, parseMoneyInput } from '../../../shared/platform/money'

interface BaseProps {
  name: string
  label: string
  required?: boolean
  hint?: string
  wide?: boolean
}

function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext()
  const error = name.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], formState.errors) as
    | { message?: string }
    | undefined
  return error?.message
}

function FieldFrame({ id, label, required, hint, error, wide, children }: { id: string; label: string; required?: boolean | undefined; hint?: string | undefined; error?: string | undefined; wide?: boolean | undefined; children: ReactNode }) {
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

const describedBy = (id: string, error: string | undefined, hint: string | undefined) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined

export function TextField({ name, label, required, hint, wide, type = 'text', autoComplete }: BaseProps & { type?: string; autoComplete?: string }) {
  const id = useId()
  const { register } = useFormContext()
  const error = useFieldError(name)
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide={wide}>
      <input id={id} type={type} autoComplete={autoComplete ?? 'off'} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name)} />
    </FieldFrame>
  )
}

export function TextAreaField({ name, label, required, hint, rows = 3 }: BaseProps & { rows?: number }) {
  const id = useId()
  const { register } = useFormContext()
  const error = useFieldError(name)
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide>
      <textarea id={id} rows={rows} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name)} />
    </FieldFrame>
  )
}

export interface Option {
  value: string
  label: string
}

/**
 * A choice from a list. `numeric`: the options are numbers (a VAT rate) and the form value is the
 * number, not the option's text ("7" → 7), as the schema asks.
 */
export function SelectField({ name, label, required, hint, wide, options, emptyLabel, numeric }: BaseProps & { options: Option[]; emptyLabel?: string; numeric?: boolean }) {
  const id = useId()
  const { register } = useFormContext()
  const error = useFieldError(name)
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide={wide}>
      <select id={id} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name, numeric ? { setValueAs: toNumber } : {})}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

const toNumber = (value: unknown): unknown => (typeof value === 'string' && value !== '' ? Number(value) : value)

/** Options for a closed list, labelled from the catalogue (`enum.<list>.<value>`): `enumOptions(enumLabel, 'status', COMPANY_STATUSES)`. */
export function enumOptions<L extends EnumList>(label: (list: L, value: EnumValue<L>) => string, list: L, values: readonly EnumValue<L>[]): Option[] {
  return values.map((value) => ({ value, label: label(list, value) }))
}

/** Puts a failed save's field errors next to their fields; returns the message for the form's top. */
export function showServerErrors<T extends FieldValues, C, O>(form: UseFormReturn<T, C, O>, error: AppErrorData): string {
  let placed = false
  for (const [field, key] of Object.entries(error.fields ?? {})) {
    form.setError(field as Path<T>, { type: 'server', message: key }, { shouldFocus: !placed })
    placed = true
  }
  return error.message
}

export function FormError({ message }: { message: string | null }) {
  const { tFromData } = useI18n()
  if (!message) return null
  return (
    <div className="form-error" role="alert">
      {tFromData(message)}
    </div>
  )
}

/** A number typed with the keyboard (de-DE decimal comma is handled by the browser's number input). */
export function NumberField({ name, label, required, hint, step = 'any', min }: BaseProps & { step?: string; min?: number }) {
  const id = useId()
  const { register } = useFormContext()
  const error = useFieldError(name)
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input id={id} type="number" inputMode="decimal" step={step} min={min} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name, { valueAsNumber: true })} />
    </FieldFrame>
  )
}

/**
 * An amount of money typed as text in the UI language ("1.234,56" or "1250,50" in German, see
 * parseMoneyInput). The form value is what the contract asks for: integer cents (NaN when the text
 * is not an amount, so the schema answers with the field error). `emptyCents`: what an empty field
 * means where an amount is optional (no goodwill: 0); without it an empty field is not an amount.
 */
export function MoneyField({ name, label, required, hint, emptyCents }: BaseProps & { emptyCents?: number }) {
  const id = useId()
  const { language } = useI18n()
  const { field } = useController({ name })
  const error = useFieldError(name)
  const value = field.value as unknown
  const [text, setText] = useState(() => moneyText(value, language))
  const textCents = (typed: string) => (emptyCents !== undefined && typed.trim() === '' ? emptyCents : parseMoneyInput(typed, language))
  // A value set from outside (a reset, a product picked, a language switch) replaces the text,
  // unless the text already says that amount (so typing is never rewritten under the cursor).
  const [shown, setShown] = useState({ value, language })
  if (!Object.is(shown.value, value) || shown.language !== language) {
    setShown({ value, language })
    const replace = shown.language !== language ? valueCents(value) !== null : textCents(text) !== valueCents(value)
    if (replace) setText(moneyText(value, language))
  }
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        id={id} type="text" inputMode="decimal" autoComplete="off" aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)}
        name={field.name} ref={field.ref} value={text} onBlur={field.onBlur}
        onChange={(e) => {
          setText(e.target.value)
          field.onChange(textCents(e.target.value) ?? Number.NaN)
        }}
      />
    </FieldFrame>
  )
}

const valueCents = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) ? value : null
const moneyText = (value: unknown, language: 'de' | 'en'): string => {
  const cents = valueCents(value)
  return cents === null ? '' : formatMoneyInput(cents, language)
}

export function CheckboxField({ name, label }: { name: string; label: string }) {
  const id = useId()
  const { register } = useFormContext()
  return (
    <div className="field field--checkbox">
      <label htmlFor={id}>
        <input id={id} type="checkbox" {...register(name)} /> {label}
      </label>
    </div>
  )
}

/** Save, and a way back without saving. Save is off while its form is being saved, so a double click sends once. */
export function SaveCancel({ cancelTo }: { cancelTo: string }) {
  const { t } = useI18n()
  const { isSubmitting } = useFormState()
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={isSubmitting}>{isSubmitting ? t('common.saving') : t('common.save')}</button>
      <Link className="button button--ghost" to={cancelTo}>{t('common.cancel')}</Link>
    </div>
  )
}
