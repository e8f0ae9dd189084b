// A customer picked by typing part of the name: the matches from the full-text search, as a list.
import { useEffect, useId, useState } from 'react'
import { useFormContext, useWatch } from 'react-hook-form'
import { call } from '../lib/api'
import { useI18n } from '../lib/i18n'
import { useData } from '../lib/use-data'

/**
 * The company whose name is exactly `text` (the first of the search's matches); null when none is. A form that must
 * not act on a name typed but not yet chosen (its search still running) asks it at submit.
 */
export async function companyNamed(text: string): Promise<{ id: string; name: string } | null> {
  const wanted = text.trim()
  if (wanted.length < 2) return null
  const result = await call('companies.list', { search: wanted, limit: 20 })
  const match = result.ok ? result.data.rows.find((r) => r.name === wanted) : undefined
  return match ? { id: match.id, name: match.name } : null
}

export function CompanyPicker({ name, label, required, onText }: {
  name: string; label: string; required?: boolean
  /** The text in the field as the user types it (the name, whether or not a company is chosen yet). */
  onText?: (text: string) => void
}) {
  const { tFromData } = useI18n()
  const id = useId()
  const { setValue, control, formState } = useFormContext()
  const value = useWatch({ control, name }) as string
  const chosen = useData('companies.get', value ? { id: value } : null)
  const [search, setSearch] = useState('')
  const matches = useData('companies.list', search.trim().length >= 2 ? { search, limit: 20 } : null)
  const error = (formState.errors[name] as { message?: string } | undefined)?.message
  useEffect(() => {
    if (chosen.data && !search) setSearch(chosen.data.name)
  }, [chosen.data, search])
  const options = matches.data?.rows ?? []
  // A name typed or pasted in full is chosen once the matches for it have arrived.
  useEffect(() => {
    if (value) return
    const match = (matches.data?.rows ?? []).find((o) => o.name === search)
    if (match) setValue(name, match.id, { shouldValidate: formState.isSubmitted })
  }, [matches.data, search, value, name, setValue, formState.isSubmitted])
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}{required ? <span className="field__required" aria-hidden="true"> *</span> : null}</label>
      <input id={id} list={`${id}-list`} value={search} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} autoComplete="off"
        onChange={(e) => {
          setSearch(e.target.value)
          onText?.(e.target.value)
          const match = options.find((o) => o.name === e.target.value)
          setValue(name, match ? match.id : '', { shouldValidate: formState.isSubmitted })
        }} />
      <datalist id={`${id}-list`}>{options.map((o) => <option key={o.id} value={o.name}>{o.city}</option>)}</datalist>
      {error ? <p className="field__error" id={`${id}-error`} role="alert">{tFromData(error)}</p> : null}
    </div>
  )
}
