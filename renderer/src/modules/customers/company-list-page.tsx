// The company list: search, filters, sort, virtualised; also the portfolio view of one journey station.
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { Link, useParams, useSearchParams } from 'react-router-dom'
import { COMPANY_SORT_FIELDS, type CompanyListQuery } from '../../../../shared/modules/customers/company.schema'
import { COMPANY_STATUSES, FEDERAL_STATES, HEALTH_LIGHTS, SEGMENTS } from '../../../../shared/modules/customers/customer.enums'
import type { CompanyListItem } from '../../../../shared/modules/customers/customer.types'
import { STATIONS, type Station } from '../../../../shared/modules/customers'
import { PageHeader, StationBadge } from '../../components/page'
import { VirtualTable, type Column } from '../../components/virtual-table'
import { ExportButtons } from '../../components/export-buttons'
import { call, fetchData } from '../../lib/api'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'
import { useData } from '../../lib/use-data'
import { isOneOf } from '../../../../shared/platform/value-lists'

type Filters = Required<Pick<CompanyListQuery, 'status' | 'federalState' | 'segment' | 'ownerId' | 'health'>>
const NO_FILTERS: Filters = { status: '', federalState: '', segment: '', ownerId: '', health: '' }
/** The filter's lights, worst first ("only red" is the question it answers). */
const LIGHTS_WORST_FIRST = ['red', 'yellow', 'green'] as const

export type CompanyHealth = NonNullable<CompanyListItem['health']>

type Sort = { field: NonNullable<CompanyListQuery['sort']>; dir: 'asc' | 'desc' }

/**
 * The filters and the sort live in the address (`/companies?health=red&sort=health`), so a link opens the list
 * already narrowed (the dashboard's accounts at risk) and Back returns to it; a value the lists do not know is no
 * filter. The search text stays on the page (typed, not linked).
 */
function listStateOf(params: URLSearchParams): { filters: Filters; sort: Sort } {
  const pick = <T extends string>(key: string, values: readonly T[]): T | '' => {
    const value = params.get(key) ?? ''
    return isOneOf(values, value) ? value : ''
  }
  const field = pick('sort', COMPANY_SORT_FIELDS)
  return {
    filters: {
      status: pick('status', COMPANY_STATUSES), federalState: pick('federalState', FEDERAL_STATES), segment: pick('segment', SEGMENTS),
      ownerId: (params.get('ownerId') ?? '').slice(0, 64), health: pick('health', HEALTH_LIGHTS),
    },
    sort: { field: field || 'name', dir: params.get('dir') === 'desc' ? 'desc' : 'asc' },
  }
}

const paramsOf = (filters: Filters, sort: Sort): Record<string, string> => Object.fromEntries(
  Object.entries({ ...filters, ...(sort.field !== 'name' || sort.dir !== 'asc' ? { sort: sort.field, dir: sort.dir } : {}) }).filter(([, v]) => v !== ''),
)

/**
 * `healthBadge`: how a health score is shown — the success module's traffic light, handed in by the composition
 * root (customers is below success and does not import it).
 */
export function CompanyListPage({ healthBadge }: { healthBadge: (health: CompanyHealth) => ReactNode }) {
  const { t, language } = useI18n()
  const params = useParams()
  const station: Station | null = params.station && isOneOf(STATIONS, params.station) ? params.station : null
  const [search, setSearch] = useState('')
  const [searchParams, setSearchParams] = useSearchParams()
  const { filters, sort } = useMemo(() => listStateOf(searchParams), [searchParams])
  const setFilters = (next: Filters) => setSearchParams(paramsOf(next, sort), { replace: true })
  const setSort = (next: Sort) => setSearchParams(paramsOf(filters, next), { replace: true })
  const debouncedSearch = useDebounced(search)
  const users = useData('users.list', {})

  const query = useMemo(
    (): CompanyListQuery => ({ search: debouncedSearch, ...filters, station: station ?? '', sort: sort.field, dir: sort.dir }),
    [debouncedSearch, filters, station, sort],
  )
  const fetchPage = useCallback((offset: number, limit: number) => fetchData('companies.list', { ...query, offset, limit }), [query])
  const filtered = debouncedSearch !== '' || Object.values(filters).some(Boolean)

  // Seven columns in the 970 px a 1280 px window leaves: the fixed widths hold their longest word ("Kundennummer",
  // "Ehemaliger Kunde", "Unterstützung", "Gesundheit ▲"; longer headers and badges wrap), name, city and owner share
  // the rest; a name cut short shows in full on hover.
  const columns: Column<CompanyListItem>[] = [
    { id: 'name', header: t('company.name'), sort: 'name', width: 'minmax(200px, 2.2fr)', render: (c) => <Link to={`/companies/${c.id}`} title={c.name}>{c.name}</Link> },
    { id: 'number', header: t('company.customerNumber'), sort: 'customerNumber', width: '124px', render: (c) => c.customerNumber || t('common.none') },
    { id: 'city', header: t('company.city'), sort: 'city', width: 'minmax(120px, 1fr)', render: (c) => (c.city ? `${c.city}${c.federalState ? ` (${c.federalState})` : ''}` : t('common.none')) },
    { id: 'status', header: t('company.status'), sort: 'status', width: '144px', render: (c) => t(`enum.status.${c.status}`) },
    { id: 'station', header: t('company.station'), width: '126px', render: (c) => <StationBadge station={c.station} /> },
    { id: 'owner', header: t('company.owner'), width: 'minmax(128px, 1fr)', render: (c) => c.ownerName || t('common.none') },
    { id: 'health', header: t('company.health'), sort: 'health', width: '120px', render: (c) => (c.health ? healthBadge(c.health) : t('common.none')) },
  ]

  const setFilter = (key: keyof Filters) => (e: React.ChangeEvent<HTMLSelectElement>) => setFilters({ ...filters, [key]: e.target.value })
  const title = station ? t('journey.companiesAt', { station: t(`enum.station.${station}`) }) : t('company.title')

  return (
    <section className="page page--list">
      <PageHeader title={title} actions={<>
        <ExportButtons onExport={(format) => call('companies.export', { ...query, format, language })} />
        <Link className="button" to="/companies/import">{t('import.open')}</Link>
        <Link className="button" to="/erp/import">{t('erp.importOpen')}</Link>
        <Link className="button button--primary" to="/companies/new">{t('company.new')}</Link>
      </>} />
      <div className="toolbar" role="search">
        <label className="toolbar__search toolbar__search--narrow">
          <span className="visually-hidden">{t('company.searchLabel')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('company.searchPlaceholder')} aria-label={t('company.searchLabel')} />
        </label>
        <label>
          <span>{t('company.status')}</span>
          <select value={filters.status} onChange={setFilter('status')}>
            <option value="">{t('common.all')}</option>
            {COMPANY_STATUSES.map((s) => <option key={s} value={s}>{t(`enum.status.${s}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('company.federalState')}</span>
          <select value={filters.federalState} onChange={setFilter('federalState')}>
            <option value="">{t('common.all')}</option>
            {FEDERAL_STATES.map((s) => <option key={s} value={s}>{t(`enum.federalState.${s}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('company.segment')}</span>
          <select value={filters.segment} onChange={setFilter('segment')}>
            <option value="">{t('common.all')}</option>
            {SEGMENTS.map((s) => <option key={s} value={s}>{t(`enum.segment.${s}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('company.owner')}</span>
          <select value={filters.ownerId} onChange={setFilter('ownerId')}>
            <option value="">{t('common.all')}</option>
            {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
          </select>
        </label>
        <label>
          <span>{t('company.health')}</span>
          <select value={filters.health} onChange={setFilter('health')}>
            <option value="">{t('common.all')}</option>
            {LIGHTS_WORST_FIRST.map((l) => <option key={l} value={l}>{t(`enum.healthLight.${l}`)}</option>)}
          </select>
        </label>
        {filtered ? (
          <button type="button" className="button button--ghost" onClick={() => { setSearch(''); setFilters(NO_FILTERS) }}>
            {t('company.resetFilters')}
          </button>
        ) : null}
      </div>
      <VirtualTable
        label={t('company.listLabel')}
        columns={columns}
        queryKey={JSON.stringify(query)}
        fetchPage={fetchPage}
        sort={sort}
        onSort={(field) => setSort({ field: field as Sort['field'], dir: sort.field === field && sort.dir === 'asc' ? 'desc' : 'asc' })}
        rowKey={(c) => c.id}
        empty={
          filtered ? t('company.emptyFiltered')
            : station ? t('journey.stationEmpty', { station: t(`enum.station.${station}`) })
              : t('company.empty')
        }
      />
    </section>
  )
}
