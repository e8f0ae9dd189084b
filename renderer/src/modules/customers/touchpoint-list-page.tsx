// All touchpoints: full-text search in summaries, channel/station/date filters, newest first.
import { useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import { TOUCHPOINT_CHANNELS } from '../../../../shared/modules/customers/customer.enums'
import type { Touchpoint } from '../../../../shared/modules/customers/customer.types'
import type { TouchpointListQuery } from '../../../../shared/modules/customers/touchpoint.schema'
import { STATIONS } from '../../../../shared/modules/customers'
import { PageHeader, StationBadge } from '../../components/page'
import { VirtualTable, type Column } from '../../components/virtual-table'
import { call, fetchData } from '../../lib/api'
import { ExportButtons } from '../../components/export-buttons'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'
import { DateInput } from '../../components/form-fields'
import { touchpointLine } from '../../../../shared/i18n/event-text'

export function TouchpointListPage() {
  const { t, dateTime, language } = useI18n()
  const [search, setSearch] = useState('')
  const [channel, setChannel] = useState('')
  const [station, setStation] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [sort, setSort] = useState<{ field: NonNullable<TouchpointListQuery['sort']>; dir: 'asc' | 'desc' }>({ field: 'occurredAt', dir: 'desc' })
  const debouncedSearch = useDebounced(search)
  const query = useMemo(
    () => ({ search: debouncedSearch, channel, station, from, to, sort: sort.field, dir: sort.dir }) as TouchpointListQuery,
    [debouncedSearch, channel, station, from, to, sort],
  )
  const fetchPage = useCallback((offset: number, limit: number) => fetchData('touchpoints.list', { ...query, offset, limit }), [query])
  const filtered = [debouncedSearch, channel, station, from, to].some(Boolean)

  const columns: Column<Touchpoint>[] = [
    { id: 'when', header: t('touchpoint.occurredAt'), sort: 'occurredAt', width: '150px', render: (p) => dateTime(p.occurredAt) },
    { id: 'company', header: t('touchpoint.company'), sort: 'companyName', width: 'minmax(180px, 1.2fr)', render: (p) => <Link to={`/companies/${p.companyId}`}>{p.companyName}</Link> },
    { id: 'channel', header: t('touchpoint.channel'), sort: 'channel', width: '130px', render: (p) => t(`enum.channel.${p.channel}`) },
    { id: 'station', header: t('touchpoint.station'), sort: 'station', width: '150px', render: (p) => <StationBadge station={p.station} /> },
    { id: 'contact', header: t('touchpoint.contact'), width: 'minmax(130px, 0.8fr)', render: (p) => p.contactName || t('common.none') },
    { id: 'summary', header: t('touchpoint.summary'), width: 'minmax(240px, 2fr)', render: (p) => {
      const line = touchpointLine(language, p)
      return <span className="ellipsis" title={line}>{line}</span>
    } },
  ]

  return (
    <section className="page page--list">
      <PageHeader title={t('touchpoint.title')} actions={<ExportButtons onExport={(format) => call('touchpoints.export', { ...query, format, language })} />} />
      <div className="toolbar" role="search">
        <label className="toolbar__search">
          <span className="visually-hidden">{t('touchpoint.searchLabel')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('touchpoint.searchPlaceholder')} aria-label={t('touchpoint.searchLabel')} />
        </label>
        <label>
          <span>{t('touchpoint.channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {TOUCHPOINT_CHANNELS.map((c) => <option key={c} value={c}>{t(`enum.channel.${c}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('touchpoint.station')}</span>
          <select value={station} onChange={(e) => setStation(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {STATIONS.map((s) => <option key={s} value={s}>{t(`enum.station.${s}`)}</option>)}
          </select>
        </label>
        <DateInput label={t('touchpoint.from')} value={from} onChange={setFrom} />
        <DateInput label={t('touchpoint.to')} value={to} onChange={setTo} />
      </div>
      <VirtualTable
        label={t('touchpoint.listLabel')}
        columns={columns}
        queryKey={JSON.stringify(query)}
        fetchPage={fetchPage}
        sort={sort}
        onSort={(field) => setSort((s) => ({ field: field as typeof s.field, dir: s.field === field && s.dir === 'desc' ? 'asc' : 'desc' }))}
        rowKey={(p) => p.id}
        empty={filtered ? t('touchpoint.emptyFiltered') : t('touchpoint.empty')}
      />
    </section>
  )
}
