// "Duplikate": likely duplicate companies or contacts, each pair with its reasons and score; two companies
// are merged field by field (CompanyMerge), a pair that is none is marked "Kein Duplikat".
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { DuplicateCompany, DuplicateContact, DuplicateKind, DuplicatePairView } from '../../../../shared/modules/customers'
import { Badge, EmptyState, LoadError, PageHeader } from '../../components/page'
import { useAction } from '../../lib/use-action'
import { useData } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'
import { CompanyMerge } from './company-merge'

function Reasons({ pair }: { pair: DuplicatePairView<unknown> }) {
  const { t } = useI18n()
  return (
    <p className="duplicate__reasons">
      <Badge tone="warn">{t('duplicate.score', { score: pair.score })}</Badge>
      {pair.reasons.map((reason) => <Badge key={reason}>{t(`duplicate.reason.${reason}`)}</Badge>)}
    </p>
  )
}

function CompanyCard({ company }: { company: DuplicateCompany }) {
  const { t } = useI18n()
  return (
    <div className="duplicate__record">
      <Link to={`/companies/${company.id}`} className="duplicate__name">{company.name}</Link>
      <span className="muted small">{[company.customerNumber, [company.street, [company.postalCode, company.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(' · ') || t('common.none')}</span>
      <span className="muted small">{t('duplicate.counts', { contacts: company.contacts, offers: company.offers })}</span>
    </div>
  )
}

function ContactCard({ contact }: { contact: DuplicateContact }) {
  const { t } = useI18n()
  return (
    <div className="duplicate__record">
      <Link to={`/contacts/${contact.id}/edit`} className="duplicate__name">{[contact.firstName, contact.lastName].filter(Boolean).join(' ')}</Link>
      <span className="muted small">{contact.companyName}</span>
      <span className="muted small">{[contact.email, contact.phone || contact.mobile].filter(Boolean).join(' · ') || t('common.none')}</span>
    </div>
  )
}

export function DuplicatesPage() {
  const { t, tFromData } = useI18n()
  const action = useAction()
  const [kind, setKind] = useState<DuplicateKind>('companies')
  const [merging, setMerging] = useState<DuplicatePairView<DuplicateCompany> | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const list = useData('duplicates.list', { kind })

  const dismiss = async (a: string, b: string) => {
    setError(null); setNotice(null)
    const answer = await action.run('duplicates.dismiss', { kind, aId: a, bId: b })
    if (!answer.ok) return setError(answer.error.message)
    list.reload()
  }

  // The answer of the kind asked for: while the other kind loads, the previous answer is not shown as this one.
  const all = (list.data?.pairs ?? []) as Array<DuplicatePairView<DuplicateCompany | DuplicateContact>>
  const pairs = all.filter((p) => ('name' in p.a) === (kind === 'companies'))
  return (
    <section className="page duplicates-page">
      <PageHeader title={t('duplicate.title')} subtitle={t('duplicate.hint')} />
      <div className="toolbar" role="tablist" aria-label={t('duplicate.kind')}>
        {(['companies', 'contacts'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={kind === k} className={`button${kind === k ? ' button--primary' : ''}`}
            onClick={() => { setKind(k); setMerging(null); setNotice(null); setError(null) }}>
            {t(`duplicate.${k}`)}
          </button>
        ))}
      </div>
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      {error ? <p role="alert" className="form-error">{tFromData(error)}</p> : null}
      {merging ? (
        <CompanyMerge pair={merging} onCancel={() => setMerging(null)} onError={(key) => { setError(key); setMerging(null); list.reload() }}
          onMerged={(message) => { setNotice(message); setMerging(null); list.reload() }} />
      ) : null}
      {list.error ? <LoadError message={list.error} /> : !list.data ? <p role="status">{t('duplicate.loading')}</p> : null}
      {list.data && pairs.length === 0 ? <EmptyState>{t('duplicate.empty')}</EmptyState> : null}
      {list.data && pairs.length > 0 ? (
        <>
          <p className="muted small">{t('duplicate.count', { count: list.data.total })}{list.data.total > pairs.length ? ` ${t('duplicate.more', { shown: pairs.length, total: list.data.total })}` : ''}</p>
          <ul className="duplicate-list">
            {pairs.map((pair) => {
              const label = t('duplicate.pair', { a: 'name' in pair.a ? pair.a.name : pair.a.lastName, b: 'name' in pair.b ? pair.b.name : pair.b.lastName })
              return (
                <li key={`${pair.a.id}-${pair.b.id}`} className="card duplicate" aria-label={label}>
                  <Reasons pair={pair} />
                  <div className="duplicate__records">
                    {kind === 'companies' ? <CompanyCard company={pair.a as DuplicateCompany} /> : <ContactCard contact={pair.a as DuplicateContact} />}
                    {kind === 'companies' ? <CompanyCard company={pair.b as DuplicateCompany} /> : <ContactCard contact={pair.b as DuplicateContact} />}
                  </div>
                  <div className="form-actions">
                    {kind === 'companies' ? (
                      <button type="button" className="button button--primary" disabled={action.busy} onClick={() => { setNotice(null); setMerging(pair as DuplicatePairView<DuplicateCompany>) }}>{t('duplicate.merge')}</button>
                    ) : null}
                    <button type="button" className="button" disabled={action.busy} onClick={() => void dismiss(pair.a.id, pair.b.id)}>{t('duplicate.dismiss')}</button>
                  </div>
                </li>
              )
            })}
          </ul>
        </>
      ) : null}
    </section>
  )
}
