// Form controls bound to react-hook-form: label, control and the error at the field, in the UI language.
import { useId } from 'react'
import { useFormContext, useFormState, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form'
import type { AppErrorData } from '../../../shared/platform/result'
import { Link } from 'react-router-dom'
import type { EnumList, EnumValue } from '../../../shared/i18n'
import { useI18n } from '../lib/i18n'

import { FieldFrame, describedBy, useFieldError, type BaseProps } from './field-frame'
import { DateField, DateTimeField } from './typed-fields'

export { DateField, DateInput, DateTimeField, MoneyField, NumberField } from './typed-fields'

export function TextField({ name, label, required, hint, wide, type = 'text', autoComplete }: BaseProps & { type?: string; autoComplete?: string }) {
  if (type === 'date') return <DateField name={name} label={label} required={required} hint={hint} wide={wide} />
  if (type === 'datetime-local') return <DateTimeField name={name} label={label} required={required} hint={hint} wide={wide} />
  return <PlainTextField name={name} label={label} required={required} hint={hint} wide={wide} type={type} autoComplete={autoComplete} />
}

function PlainTextField({ name, label, required, hint, wide, type, autoComplete }: BaseProps & { type: string; autoComplete?: string | undefined }) {
  const id = useId()
  const { register } = useFormContext()
  const error = useFieldError(name)
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide={wide}>
      <input id={id} type={type} autoComplete={autoComplete ?? 'off'} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name)} />
    </FieldFrame>
  )
}

/**
 * Free text over several lines. `maxLength` (the schema's limit) shows a counter as the limit nears
 * and says the limit when the text is too long, instead of a bare "too long".
 */
export function TextAreaField({ name, label, required, hint, rows = 3, maxLength }: BaseProps & { rows?: number; maxLength?: number }) {
  const id = useId()
  const { t, number } = useI18n()
  const { register, watch } = useFormContext()
  const error = useFieldError(name)
  const length = maxLength ? String((watch(name) as unknown) ?? '').length : 0
  const counter = maxLength && length >= maxLength * 0.8 ? t('common.characterCount', { count: length, max: number(maxLength) }) : undefined
  const shownError = error === 'errors.tooLong' && maxLength ? undefined : error
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={shownError} wide>
      <textarea id={id} rows={rows} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...register(name)} />
      {counter ? <p className={`field__counter${length > maxLength! ? ' field__counter--over' : ''}`} aria-live="polite">{counter}</p> : null}
      {shownError !== error ? <p className="field__error" id={`${id}-error`} role="alert">{t('errors.tooLongMax', { max: number(maxLength!), count: number(length) })}</p> : null}
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
