// The frame both privacy logs share under Einstellungen: a card with its title and introduction, the
// refusal a rep's device gets, loading, the empty state, and a scrolling table of the entries.
import type { ReactNode } from 'react'
import type { DataState } from '../../lib/use-data'
import { useI18n } from '../../lib/i18n'

export function LogCard<T extends { entries: unknown[] }>({ title, intro, empty, log, note, head, rows }: {
  title: string; intro: string; empty: string; log: DataState<T>; note?: (data: T) => ReactNode; head: ReactNode; rows: (data: T) => ReactNode
}) {
  const { t, tFromData } = useI18n()
  return (
    <div className="card">
      <h2>{title}</h2>
      {log.error ? <p className="muted">{tFromData(log.error)}</p> : !log.data ? <p className="muted" role="status">{t('common.loading')}</p> : (
        <>
          <p>{intro}</p>
          {note?.(log.data)}
          {log.data.entries.length === 0 ? <p className="muted">{empty}</p> : (
            <div className="table-scroll">
              <table className="data-table" aria-label={title}>
                <thead>{head}</thead>
                <tbody>{rows(log.data)}</tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  )
}
