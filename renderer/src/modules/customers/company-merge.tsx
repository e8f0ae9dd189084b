// Merging two companies: which one stays, and per field which value it keeps (by default the staying
// company's, or the other's where the staying one has none); a sentence says what moves; one button merges.
import { useState } from 'react'
import type { MessageKey } from '../../../../shared/i18n'
import { COMPANY_MERGE_FIELDS, type CompanyMergeField, type DuplicateCompany, type DuplicatePairView } from '../../../../shared/modules/customers'
import { useAction } from '../../lib/use-action'
import { useI18n } from '../../lib/i18n'

const LABEL: Record<CompanyMergeField, MessageKey> = {
  name: 'company.name', customerNumber: 'company.customerNumber', street: 'company.street', postalCode: 'company.postalCode', city: 'company.city',
  federalState: 'company.federalState', industry: 'company.industry', segment: 'company.segment', status: 'company.status', ownerId: 'company.owner',
  leadSource: 'company.leadSource', notes: 'company.notes',
}

type Side = 'a' | 'b'

export function CompanyMerge({ pair, onMerged, onCancel, onError }: {
  pair: DuplicatePairView<DuplicateCompany>; onMerged: (message: string) => void; onCancel: () => void; onError: (key: string) => void
}) {
  const { t, enumLabel } = useI18n()
  const action = useAction()
  const [stays, setStays] = useState<Side>('a')
  const survivor = pair[stays]
  const loser = pair[stays === 'a' ? 'b' : 'a']
  const [chosen, setChosen] = useState<Partial<Record<CompanyMergeField, Side>>>({})

  const shown = (company: DuplicateCompany, field: CompanyMergeField): string => {
    const value = field === 'ownerId' ? company.ownerName : company[field]
    if (!value) return ''
    if (field === 'federalState') return enumLabel('federalState', value as never)
    if (field === 'segment') return enumLabel('segment', value as never)
    if (field === 'status') return enumLabel('status', value as never)
    if (field === 'leadSource') return enumLabel('leadSource', value as never)
    return value
  }
  // The staying company's value unless it has none and the other has one.
  const sideOf = (field: CompanyMergeField): Side => chosen[field] ?? (shown(survivor, field) === '' && shown(loser, field) !== '' ? (stays === 'a' ? 'b' : 'a') : stays)
  const differing = COMPANY_MERGE_FIELDS.filter((f) => shown(pair.a, f) !== shown(pair.b, f))

  const merge = async () => {
    const take = Object.fromEntries(COMPANY_MERGE_FIELDS.map((f) => [f, sideOf(f) === stays ? 'survivor' : 'loser']))
    const answer = await action.run('companies.merge', { survivorId: survivor.id, loserId: loser.id, take })
    if (!answer.ok) return onError(answer.error.message)
    const count = Object.values(answer.data.moved).reduce((sum, n) => sum + n, 0)
    onMerged(t('duplicate.merged', { name: sideOf('name') === stays ? survivor.name : loser.name, count }))
  }

  return (
    <section className="card form company-merge" aria-label={t('duplicate.mergeTitle')}>
      <h2>{t('duplicate.mergeTitle')}</h2>
      <fieldset>
        <legend>{t('duplicate.survivor')}</legend>
        {(['a', 'b'] as const).map((side) => (
          <label key={side} className="radio-line">
            <input type="radio" name="merge-stays" checked={stays === side} onChange={() => { setStays(side); setChosen({}) }} />
            {pair[side].name}{pair[side].customerNumber ? ` (${pair[side].customerNumber})` : ''}
          </label>
        ))}
      </fieldset>
      {differing.length > 0 ? (
        <table className="data-table company-merge__fields">
          <caption className="muted small">{t('duplicate.fieldsHint')}</caption>
          <thead><tr><th>{t('duplicate.field')}</th><th>{pair.a.name}</th><th>{pair.b.name}</th></tr></thead>
          <tbody>
            {differing.map((field) => (
              <tr key={field}>
                <th scope="row">{t(LABEL[field])}</th>
                {(['a', 'b'] as const).map((side) => (
                  <td key={side}>
                    <label className="radio-line">
                      <input type="radio" name={`merge-${field}`} aria-label={`${t(LABEL[field])}: ${shown(pair[side], field) || t('duplicate.emptyValue')}`}
                        checked={sideOf(field) === side} onChange={() => setChosen({ ...chosen, [field]: side })} />
                      <span className={shown(pair[side], field) ? '' : 'muted'}>{shown(pair[side], field) || t('duplicate.emptyValue')}</span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p>{t('duplicate.mergeExplain', { loser: loser.name, survivor: survivor.name })}</p>
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void merge()}>{t('duplicate.mergeConfirm')}</button>
        <button type="button" className="button" disabled={action.busy} onClick={onCancel}>{t('duplicate.cancel')}</button>
      </div>
    </section>
  )
}
