// What an import will do and what it did: the dry run's counts with each row that will be skipped (line,
// field, the cell, the reason), and the running import's progress bar, its cancel button and its result.
import { Link } from 'react-router-dom'
import type { MessageKey } from '../../../../shared/i18n'
import type { ImportField, ImportPlan, ImportProblem, ImportProgress, ImportTarget } from '../../../../shared/modules/customers/customer-import.schema'
import { useI18n } from '../../lib/i18n'

const FIELD_LABEL: Record<ImportTarget, Partial<Record<ImportField, MessageKey>>> = {
  companies: {
    customerNumber: 'company.customerNumber', name: 'company.name', street: 'company.street', postalCode: 'company.postalCode', city: 'company.city',
    federalState: 'company.federalState', industry: 'company.industry', segment: 'company.segment', status: 'company.status', leadSource: 'company.leadSource', notes: 'company.notes',
  },
  contacts: {
    companyCustomerNumber: 'import.companyCustomerNumber', companyName: 'import.companyName', salutation: 'contact.salutation', title: 'contact.personTitle',
    firstName: 'contact.firstName', lastName: 'contact.lastName', jobFunction: 'contact.jobFunction', email: 'contact.email', phone: 'contact.phone',
    mobile: 'contact.mobile', language: 'contact.language', buyingRole: 'contact.buyingRole', notes: 'contact.notes',
  },
}
export const importFieldLabel = (target: ImportTarget, field: ImportField | 'row'): MessageKey => (field === 'row' ? 'import.row' : (FIELD_LABEL[target][field] ?? 'import.field'))

function Problems({ target, problems, total }: { target: ImportTarget; problems: ImportProblem[]; total: number }) {
  const { t, tFromData } = useI18n()
  if (problems.length === 0) return null
  return (
    <>
      <table className="data-table card import-problems" aria-label={t('import.problems')}>
        <thead><tr><th className="num">{t('import.line')}</th><th>{t('import.field')}</th><th>{t('import.value')}</th><th>{t('import.problem')}</th></tr></thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={`${p.line}-${p.field}-${i}`}>
              <td className="num">{p.line}</td><td>{t(importFieldLabel(target, p.field))}</td><td className="import-problems__value">{p.value}</td><td>{tFromData(p.key)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > problems.length ? <p className="muted small">{t('import.moreProblems', { count: total - problems.length })}</p> : null}
    </>
  )
}

export function ImportPlanView({ target, plan }: { target: ImportTarget; plan: ImportPlan }) {
  const { t } = useI18n()
  return (
    <div className="import-plan">
      <p role="status">{t('import.plan', { created: plan.created, updated: plan.updated, skipped: plan.skipped })}</p>
      {plan.problems.length > 0 ? <h3>{t('import.problems')}</h3> : null}
      <Problems target={target} problems={plan.problems} total={plan.problemCount} />
    </div>
  )
}

export function ImportProgressView({ target, progress, busy, onCancel, onAgain, listPath }: {
  target: ImportTarget; progress: ImportProgress; busy: boolean; onCancel: () => void; onAgain: () => void; listPath: string
}) {
  const { t, tFromData } = useI18n()
  const { state, processed, total, created, updated, skipped } = progress
  return (
    <section className="card form" aria-label={t('import.progress')}>
      <h2>{t('import.progress')}</h2>
      <div className="import-progress" role="progressbar" aria-label={t('import.progress')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={processed}>
        <div className="import-progress__bar" style={{ width: `${total ? Math.round((processed / total) * 100) : 0}%` }} />
      </div>
      <p className="small">{t('import.progressText', { processed, total })}</p>
      {state === 'running' ? (
        <div className="form-actions"><button type="button" className="button" disabled={busy} onClick={onCancel}>{t('import.cancel')}</button></div>
      ) : (
        <>
          <p role="status">
            {state === 'done' ? t('import.done', { created, updated, skipped })
              : state === 'cancelled' ? t('import.cancelled', { created, updated, rest: total - processed })
                : t('import.failed', { reason: tFromData(progress.error ?? 'errors.importFailed'), created, updated })}
          </p>
          <Problems target={target} problems={progress.problems} total={progress.problemCount} />
          {state === 'done' && target === 'companies' && created > 0 ? <p className="small">{t('import.checkDuplicates')} <Link to="/duplicates">{t('nav.duplicates')}</Link></p> : null}
          <div className="form-actions">
            <Link className="button button--primary" to={listPath}>{t('import.toList')}</Link>
            <button type="button" className="button" onClick={onAgain}>{t('import.again')}</button>
          </div>
        </>
      )}
    </section>
  )
}
