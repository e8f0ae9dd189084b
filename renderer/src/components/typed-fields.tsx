// Fields typed as text and held as values — money in cents, numbers, ISO days — read and shown the way
// the UI language writes them, whatever the browser's locale.
import { useId, useRef, useState } from 'react'
import { useController } from 'react-hook-form'
import { useI18n } from '../lib/i18n'
import { formatDecimalInput, parseDecimalInput, parseMoneyInput } from '../../../shared/platform/money'
import { DATE_PATTERN_HINT, DATE_TIME_PATTERN_HINT, formatDateInput, formatDateTimeInput, parseDateInput, parseDateTimeInput } from '../../../shared/platform/date-input'
import { FieldFrame, describedBy, useFieldError, type BaseProps } from './field-frame'

/**
 * A field typed as text and held as a value (cents, a number, an ISO day): the one mechanism behind
 * MoneyField, NumberField and DateField, so every one of them reads German input whatever the
 * browser's locale. `parse` turns the text into the value (null: not readable → the form value is
 * `invalid`, so the schema answers with the field error); `show` writes a value as the field shows it,
 * also when the user leaves the field, so what was read is plain ("1250,5" → "1.250,50").
 */
function useTypedText<V>(name: string, codec: { parse(text: string): V | null; show(value: V): string; isValue(value: unknown): value is V; empty: unknown; invalid: unknown }) {
  const { language } = useI18n()
  const { field } = useController({ name })
  const value = field.value as unknown
  const toText = (v: unknown) => (codec.isValue(v) ? codec.show(v) : '')
  const [text, setText] = useState(() => toText(value))
  const read = (typed: string): unknown => (typed.trim() === '' ? codec.empty : (codec.parse(typed) ?? codec.invalid))
  // A value set from outside (a reset, a product picked, a language switch) replaces the text,
  // unless the text already says that value (so typing is never rewritten under the cursor).
  const [seen, setSeen] = useState({ value, language })
  if (!Object.is(seen.value, value) || seen.language !== language) {
    setSeen({ value, language })
    const replace = seen.language !== language ? codec.isValue(value) : !Object.is(read(text), value)
    if (replace) setText(toText(value))
  }
  return {
    field,
    input: {
      name: field.name,
      ref: field.ref,
      value: text,
      onChange: (e: { target: { value: string } }) => {
        setText(e.target.value)
        field.onChange(read(e.target.value))
      },
      onBlur: () => {
        const v = read(text)
        if (codec.isValue(v) && text.trim() !== '') setText(codec.show(v))
        field.onBlur()
      },
    },
  }
}

const isSafeInteger = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value)
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * A number typed in the UI language (quantity, percentage, days): "1.250" is 1250 and "2,5" is 2.5 in
 * German, whatever the browser's locale (see parseDecimalInput). `decimals`: how many decimals the
 * field takes (0 for counts). The form value is the number; NaN when the text is not one (the schema
 * answers), `emptyValue` (default NaN) when the field is empty.
 */
/** `grouping={false}`: a number that is a code, not a quantity (a port: "2525", never "2.525"). */
export function NumberField({ name, label, required, hint, decimals: given, step, emptyValue, unit, grouping = true }: BaseProps & { decimals?: number; step?: '1' | '0.01' | 'any'; emptyValue?: number; unit?: string; grouping?: boolean }) {
  const decimals = given ?? (step === '1' ? 0 : step === '0.01' ? 2 : 3)
  const id = useId()
  const { language } = useI18n()
  const error = useFieldError(name)
  const { input } = useTypedText<number>(name, {
    parse: (text) => parseDecimalInput(text, language, decimals),
    show: (v) => formatDecimalInput(v, language, { maxDecimals: decimals, grouping }),
    isValue: isFiniteNumber,
    empty: emptyValue ?? Number.NaN,
    invalid: Number.NaN,
  })
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <span className={unit ? 'field__with-unit' : undefined}>
        <input id={id} type="text" inputMode={decimals > 0 ? 'decimal' : 'numeric'} autoComplete="off" aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
        {unit ? <span className="field__unit" aria-hidden="true">{unit}</span> : null}
      </span>
    </FieldFrame>
  )
}

/**
 * An amount of money typed as text in the UI language ("1.234,56" or "1250,50" in German, see
 * parseMoneyInput), shown back grouped with two decimals when the user leaves it ("1.250,50"). The
 * form value is what the contract asks for: integer cents (NaN when the text is not an amount, so the
 * schema answers with the field error). `emptyCents`: what an empty field means where an amount is
 * optional (no goodwill: 0); without it an empty field is not an amount.
 */
export function MoneyField({ name, label, required, hint, emptyCents }: BaseProps & { emptyCents?: number }) {
  const id = useId()
  const { language } = useI18n()
  const error = useFieldError(name)
  const { input } = useTypedText<number>(name, {
    parse: (text) => parseMoneyInput(text, language),
    show: (cents) => formatDecimalInput(cents / 100, language, { minDecimals: 2, maxDecimals: 2 }),
    isValue: isSafeInteger,
    empty: emptyCents ?? Number.NaN,
    invalid: Number.NaN,
  })
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <span className="field__with-unit">
        <input id={id} type="text" inputMode="decimal" autoComplete="off" aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
        <span className="field__unit" aria-hidden="true">€</span>
      </span>
    </FieldFrame>
  )
}

const isIsoDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)

/**
 * A date typed as the UI language writes it ("TT.MM.JJJJ" in German, "DD/MM/YYYY" in English),
 * whatever the browser's locale; the calendar button opens the browser's date picker. The form value
 * is the ISO day ("" when empty; the typed text when it is not a date, so the schema answers).
 */
export function DateField({ name, label, required, hint, wide }: BaseProps) {
  const id = useId()
  const { language, t } = useI18n()
  const error = useFieldError(name)
  const { input, field } = useTypedText<string>(name, {
    parse: parseDateInput,
    show: (day) => formatDateInput(day, language),
    isValue: isIsoDay,
    empty: '',
    invalid: 'invalid-date',
  })
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide={wide}>
      <span className="field__with-unit">
        <input id={id} type="text" inputMode="numeric" autoComplete="off" placeholder={DATE_PATTERN_HINT[language]} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
        <CalendarPicker label={t('common.pickDate')} value={isIsoDay(field.value) ? field.value : ''} onPick={(day) => { input.onChange({ target: { value: formatDateInput(day, language) } }); field.onBlur() }} />
      </span>
    </FieldFrame>
  )
}

const isLocalDateTime = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)

/**
 * A date and time typed as the UI language writes them ("29.11.2026 14:30"), whatever the browser's
 * locale. The form value is the local date-time "YYYY-MM-DDTHH:MM" (the typed text when it is not one).
 */
export function DateTimeField({ name, label, required, hint, wide }: BaseProps) {
  const id = useId()
  const { language } = useI18n()
  const error = useFieldError(name)
  const { input } = useTypedText<string>(name, {
    parse: parseDateTimeInput,
    show: (value) => formatDateTimeInput(value, language),
    isValue: isLocalDateTime,
    empty: '',
    invalid: 'invalid-date-time',
  })
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} wide={wide}>
      <input id={id} type="text" autoComplete="off" placeholder={DATE_TIME_PATTERN_HINT[language]} aria-required={required} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, hint)} {...input} />
    </FieldFrame>
  )
}

/** The browser's own date picker behind a button: the field itself stays text in the UI language. */
function CalendarPicker({ label, value, onPick }: { label: string; value: string; onPick(day: string): void }) {
  const picker = useRef<HTMLInputElement>(null)
  return (
    <>
      <button type="button" className="field__picker" aria-label={label} title={label} onClick={() => picker.current?.showPicker?.()}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4"><rect x="2" y="3" width="12" height="11" rx="1.5" /><path d="M2 6.5h12M5 1.5v3M11 1.5v3" /></svg>
      </button>
      <input ref={picker} type="date" className="field__picker-input" tabIndex={-1} aria-hidden="true" value={value} onChange={(e) => e.target.value && onPick(e.target.value)} />
    </>
  )
}

/** A date outside a form (a list's filter): the same text and picker as DateField; value and onChange in ISO days. */
export function DateInput({ label, value, onChange }: { label: string; value: string; onChange(day: string): void }) {
  const { language, t } = useI18n()
  const id = useId()
  const [text, setText] = useState(() => formatDateInput(value, language))
  const [seen, setSeen] = useState({ value, language })
  if (seen.value !== value || seen.language !== language) {
    setSeen({ value, language })
    if ((parseDateInput(text) ?? '') !== value || seen.language !== language) setText(formatDateInput(value, language))
  }
  const invalid = text.trim() !== '' && parseDateInput(text) === null
  return (
    <div className="date-input">
      <label htmlFor={id}>{label}</label>
      <span className="field__with-unit">
        <input id={id} type="text" inputMode="numeric" placeholder={DATE_PATTERN_HINT[language]} value={text} aria-invalid={invalid || undefined}
          onChange={(e) => {
            setText(e.target.value)
            const day = e.target.value.trim() === '' ? '' : parseDateInput(e.target.value)
            if (day !== null) onChange(day)
          }}
          onBlur={() => {
            const day = parseDateInput(text)
            if (day) setText(formatDateInput(day, language))
          }}
        />
        <CalendarPicker label={t('common.pickDate')} value={value} onPick={onChange} />
      </span>
    </div>
  )
}

