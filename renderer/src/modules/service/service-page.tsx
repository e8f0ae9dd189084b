// The service work list: my open cases by their service-level deadline, the team's overdue cases,
// and all cases by type and status.
import { useState } from 'react'
import { Link } from 'react-router-dom'
import { CASE_STATUSES, CASE_TYPES } from '../../../../shared/modules/service/service.enums'
import type { CaseListItem } from '../../../../shared/modules/service/service.types'
import { isOneOf } from '../../../../shared/platform/value-lists'
import { OwnerFilter } from '../../components/filters'
import { ExportButtons } from '../../components/export-buttons'
import { call } from '../../lib/api'
import { EmptyState, LoadError, PageHeader } from '../../components/page'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { CaseRows } from './case-table'

/** The filters' choices: all types or one; the open cases, all, or one status. */
const TYPE_FILTERS = ['', ...CASE_TYPES] as const
const STATUS_FILTERS = ['open', '', ...CASE_STATUSES] as const

export function ServicePage() {
  const { t, language } = useI18n()
  const [ownerId, setOwnerId] = useState('')
  const [type, setType] = useState<(typeof TYPE_FILTERS)[number]>('')
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>('open')
  const work = useData('cases.workList', { ownerId })
  const all = useData('cases.list', { type, status, limit: 200 })
  return (
    <section className="page">
      <PageHeader title={t('service.title')} subtitle={t('service.subtitle')} actions={<Link className="button button--primary" to="/cases/new">{t('case.new')}</Link>} />
      <div className="toolbar"><OwnerFilter value={ownerId} onChange={setOwnerId} /></div>
      {work.error ? <LoadError message={work.error} /> : null}
      {work.data ? (
        <div className="stack">
          <CaseTable title={t('service.mine')} rows={work.data.mine} empty={t('service.mineEmpty')} />
          <CaseTable title={t('service.teamOverdue')} rows={work.data.teamOverdue} empty={t('service.noneOverdue')} />
        </div>
      ) : null}
      <div className="card stack-gap">
        <h2>{t('service.allCases')}</h2>
        <div className="toolbar">
          <label>{t('case.type')}
            <select value={type} onChange={(e) => { if (isOneOf(TYPE_FILTERS, e.target.value)) setType(e.target.value) }}>
              <option value="">{t('common.all')}</option>
              {CASE_TYPES.map((x) => <option key={x} value={x}>{t(`enum.caseType.${x}`)}</option>)}
            </select>
          </label>
          <label>{t('case.status')}
            <select value={status} onChange={(e) => { if (isOneOf(STATUS_FILTERS, e.target.value)) setStatus(e.target.value) }}>
              <option value="open">{t('service.statusOpen')}</option>
              <option value="">{t('common.all')}</option>
              {CASE_STATUSES.map((x) => <option key={x} value={x}>{t(`enum.caseStatus.${x}`)}</option>)}
            </select>
          </label>
          <ExportButtons onExport={(format) => call('cases.export', { type, status, format, language })} />
        </div>
        {all.data ? <CaseRows rows={all.data.rows} label={t('service.allCases')} /> : null}
        {all.data && all.data.rows.length === 0 ? <EmptyState>{t('service.noCases')}</EmptyState> : null}
      </div>
    </section>
  )
}

function CaseTable({ title, rows, empty }: { title: string; rows: CaseListItem[]; empty: string }) {
  return (
    <div className="card">
      <h2>{title} ({rows.length})</h2>
      {rows.length === 0 ? <p className="muted">{empty}</p> : <CaseRows rows={rows} label={title} />}
    </div>
  )
}
