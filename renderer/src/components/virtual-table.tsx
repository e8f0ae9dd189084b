// A table that renders only the rows on screen and fetches them page by page from the query.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Page } from '../../../shared/platform/common.schema'
import { useI18n } from '../lib/i18n'
import { mergeCount, resultCount, type Counted } from '../lib/result-count'

export interface Column<Row> {
  id: string
  header: string
  /** Sort key sent to the query; absent when the column cannot be sorted. */
  sort?: string
  width: string
  render(row: Row): ReactNode
}

interface Props<Row> {
  label: string
  columns: Column<Row>[]
  /** Changes whenever search, filters or sort change: the loaded pages are dropped then. */
  queryKey: string
  fetchPage(offset: number, limit: number): Promise<Page<Row>>
  sort: { field: string; dir: 'asc' | 'desc' }
  onSort(field: string): void
  empty: ReactNode
  rowKey(row: Row): string
}

const PAGE_SIZE = 100
const ROW_HEIGHT = 44

export function VirtualTable<Row>({ label, columns, queryKey, fetchPage, sort, onSort, empty, rowKey }: Props<Row>) {
  const { t, tFromData } = useI18n()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [count, setCount] = useState<Counted | null>(null)
  const total = count?.total ?? null
  const [pages, setPages] = useState<Map<number, Row[]>>(new Map())
  const [error, setError] = useState<string | null>(null)
  const loading = useRef(new Set<number>())
  const generation = useRef(0)

  const load = useCallback(
    async (pageIndex: number) => {
      if (loading.current.has(pageIndex)) return
      loading.current.add(pageIndex)
      const mine = generation.current
      try {
        const page = await fetchPage(pageIndex * PAGE_SIZE, PAGE_SIZE)
        if (mine !== generation.current) return
        setCount((shown) => mergeCount(shown, page))
        setPages((prev) => new Map(prev).set(pageIndex, page.rows))
        setError(null)
      } catch (err) {
        if (mine === generation.current) setError(err instanceof Error ? err.message : 'errors.internal')
      } finally {
        if (mine === generation.current) loading.current.delete(pageIndex)
      }
    },
    [fetchPage],
  )

  useEffect(() => {
    generation.current += 1
    loading.current = new Set()
    setPages(new Map())
    setCount(null)
    scrollRef.current?.scrollTo({ top: 0 })
    void load(0)
    // A new query key means a new query: start over from the first page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey])

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()

  useEffect(() => {
    const needed = new Set(items.map((item) => Math.floor(item.index / PAGE_SIZE)))
    for (const pageIndex of needed) if (!pages.has(pageIndex)) void load(pageIndex)
  }, [items, pages, load])

  const template = columns.map((c) => c.width).join(' ')

  return (
    <div className="vtable">
      <div className="vtable__status" aria-live="polite">
        {count === null ? t('common.loading') : resultCount(t, count)}
      </div>
      {error ? <div className="form-error" role="alert">{tFromData(error)}</div> : null}
      <div role="table" aria-label={label} aria-rowcount={count?.totalIsLowerBound ? -1 : (total ?? 0) + 1} className="vtable__table">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="vtable__row vtable__row--head" style={{ gridTemplateColumns: template }}>
            {columns.map((column) => {
              const active = column.sort !== undefined && sort.field === column.sort
              return (
                <div role="columnheader" key={column.id} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} className="vtable__cell">
                  {column.sort ? (
                    <button type="button" className="vtable__sort" onClick={() => onSort(column.sort!)} aria-label={t('common.sortBy', { column: column.header })}>
                      {column.header}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </div>
              )
            })}
          </div>
        </div>
        {total === 0 ? (
          <div className="empty-state">{empty}</div>
        ) : (
          <div ref={scrollRef} role="rowgroup" className="vtable__body">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = pages.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE]
                return (
                  <div
                    role="row"
                    aria-rowindex={item.index + 2}
                    key={row ? rowKey(row) : `placeholder-${item.index}`}
                    className="vtable__row"
                    style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  >
                    {columns.map((column) => (
                      <div role="cell" key={column.id} className="vtable__cell">
                        {row ? column.render(row) : <span className="vtable__placeholder" />}
                      </div>
                    ))}
                  </div>
                )
              })}
            </div>
          </div>
        )}
      </div>
    </div>
  )
}
