// All contacts across companies: search, buying-role and attitude filters, sort.
import { useCallback, useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import type { ContactListQuery } from '../../../../shared/modules/customers/contact.schema'
import { ATTITUDES, BUYING_ROLES } from '../../../../shared/modules/customers/customer.enums'
import type { ContactListItem } from '../../../../shared/modules/customers/customer.types'
import { Badge, PageHeader } from '../../components/page'
import { VirtualTable, type Column } from '../../components/virtual-table'
import { ExportButtons } from '../../components/export-buttons'
import { call, fetchData } from '../../lib/api'
import { VcardImport } from './vcard-import'
import { useDebounced } from '../../lib/use-debounced'
import { useI18n } from '../../lib/i18n'

export function ContactListPage() {
  const { t, language } = useI18n()
  const [search, setSearch] = useState('')
  const [buyingRole, setBuyingRole] = useState('')
  const [attitude, setAttitude] = useState('')
  const [sort, setSort] = useState<{ field: NonNullable<ContactListQuery['sort']>; dir: 'asc' | 'desc' }>({ field: 'lastName', dir: 'asc' })
  const [reloads, setReloads] = useState(0)
  const debouncedSearch = useDebounced(search)
  const query = useMemo(
    () => ({ search: debouncedSearch, buyingRole, attitude, sort: sort.field, dir: sort.dir }) as ContactListQuery,
    [debouncedSearch, buyingRole, attitude, sort],
  )
  const fetchPage = useCallback((offset: number, limit: number) => fetchData('contacts.list', { ...query, offset, limit }), [query])
  const filtered = debouncedSearch !== '' || buyingRole !== '' || attitude !== ''

  const columns: Column<ContactListItem>[] = [
    { id: 'name', header: t('contact.name'), sort: 'lastName', width: 'minmax(200px, 1.5fr)', render: (k) => <Link to={`/contacts/${k.id}/edit`}>{[k.title, k.lastName].filter(Boolean).join(' ')}{k.firstName ? `, ${k.firstName}` : ''}</Link> },
    { id: 'company', header: t('contact.company'), sort: 'companyName', width: 'minmax(200px, 1.5fr)', render: (k) => <Link to={`/companies/${k.companyId}`}>{k.companyName}</Link> },
    { id: 'function', header: t('contact.jobFunction'), width: 'minmax(140px, 1fr)', render: (k) => k.jobFunction || t('common.none') },
    { id: 'role', header: t('contact.buyingRole'), sort: 'buyingRole', width: '160px', render: (k) => (k.buyingRole ? t(`enum.buyingRole.${k.buyingRole}`) : t('common.none')) },
    { id: 'attitude', header: t('contact.attitude'), width: '120px', render: (k) => (k.attitude ? t(`enum.attitude.${k.attitude}`) : t('common.none')) },
    {
      id: 'email', header: t('contact.email'), width: 'minmax(180px, 1fr)',
      render: (k) => (k.emailConsent === 'withdrawn'
        ? <span className="email-withheld" title={t('consent.emailWithdrawnHint')}>{k.email || t('common.none')} <Badge tone="warn">{t('consent.emailWithdrawn')}</Badge></span>
        : k.email || t('common.none')),
    },
  ]

  return (
    <section className="page page--list">
      <PageHeader title={t('contact.title')} actions={<>
        <Link className="button" to="/contacts/import">{t('import.open')}</Link>
        <ExportButtons
          onExport={(format) => call('contacts.export', { ...query, format, language })}
          extra={[{
            label: t('contact.vcard'),
            ariaLabel: t('contact.vcardListLabel'),
            onExport: () => call('contacts.vcard', query),
            done: (file) => t('contact.vcardDone', { file: file.fileName, count: file.rows }),
          }]}
        />
      </>} />
      <div className="toolbar" role="search">
        <label className="toolbar__search">
          <span className="visually-hidden">{t('contact.searchLabel')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('contact.searchPlaceholder')} aria-label={t('contact.searchLabel')} />
        </label>
        <label>
          <span>{t('contact.buyingRole')}</span>
          <select value={buyingRole} onChange={(e) => setBuyingRole(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {BUYING_ROLES.map((r) => <option key={r} value={r}>{t(`enum.buyingRole.${r}`)}</option>)}
          </select>
        </label>
        <label>
          <span>{t('contact.attitude')}</span>
          <select value={attitude} onChange={(e) => setAttitude(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ATTITUDES.map((a) => <option key={a} value={a}>{t(`enum.attitude.${a}`)}</option>)}
          </select>
        </label>
      </div>
      <VirtualTable
        label={t('contact.listLabel')}
        columns={columns}
        queryKey={`${JSON.stringify(query)}#${reloads}`}
        fetchPage={fetchPage}
        sort={sort}
        onSort={(field) => setSort((s) => ({ field: field as typeof s.field, dir: s.field === field && s.dir === 'asc' ? 'desc' : 'asc' }))}
        rowKey={(k) => k.id}
        empty={filtered ? t('contact.emptyFiltered') : t('contact.empty')}
      />
      <VcardImport onDone={() => setReloads((n) => n + 1)} />
    </section>
  )
}
