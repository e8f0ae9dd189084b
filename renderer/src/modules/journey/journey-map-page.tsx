// Journey-Map: customers per station today, the moves between the stations in a period (a flow diagram), the median
// time per station and the drop-outs (lost, churned) per station, narrowed by segment, persona and owner.
import { useState, type ReactNode } from 'react'
import { SEGMENTS } from '../../../../shared/modules/customers'
import { journeyMapQuerySchema, type JourneyMap } from '../../../../shared/modules/journey'
import { toFieldErrors } from '../../../../shared/platform/field-errors'
import { OwnerFilter } from '../../components/filters'
import { LoadError, PageHeader } from '../../components/page'
import { DateInput } from '../../components/typed-fields'
import { useI18n } from '../../lib/i18n'
import { todayIso } from '../../lib/today'
import { useData } from '../../lib/use-data'
import { JourneyFlow } from './journey-flow'
import { StationsNow, StationTable, TransitionsTable } from './journey-map-tables'

/** The last twelve months up to today. */
const yearAgo = (today: string) => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`.replace(/-02-29$/, '-02-28')

interface Filters {
  from: string
  to: string
  segment: string
  personaId: string
  ownerId: string
}

export function JourneyMapPage() {
  const { t, number } = useI18n()
  const [filters, setFilters] = useState<Filters>(() => ({ from: yearAgo(todayIso()), to: todayIso(), segment: '', personaId: '', ownerId: '' }))
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  // The period and the choices are checked here with the channel's own schema: a wrong period is shown at its field.
  const parsed = journeyMapQuerySchema.safeParse(filters)
  const errors = parsed.success ? {} : toFieldErrors(parsed.error)
  const report = useData('journey.map', parsed.success ? parsed.data : null)
  return (
    <section className="page">
      <PageHeader title={t('journeyMap.title')} subtitle={t('journeyMap.intro')} />
      <div className="toolbar journey-map__filters" role="group" aria-label={t('journeyMap.filters')}>
        <Field error={errors.from}><DateInput label={t('journeyMap.field.from')} value={filters.from} onChange={(from) => set({ from })} /></Field>
        <Field error={errors.to}><DateInput label={t('journeyMap.field.to')} value={filters.to} onChange={(to) => set({ to })} /></Field>
        <label>{t('journeyMap.field.segment')}
          <select value={filters.segment} onChange={(e) => set({ segment: e.target.value })}>
            <option value="">{t('journeyMap.all')}</option>
            {SEGMENTS.map((s) => <option key={s} value={s}>{t(`enum.segment.${s}`)}</option>)}
          </select>
        </label>
        <PersonaFilter value={filters.personaId} onChange={(personaId) => set({ personaId })} />
        <Field error={errors.ownerId}><OwnerFilter value={filters.ownerId} onChange={(ownerId) => set({ ownerId })} /></Field>
      </div>
      {report.error ? <LoadError message={report.error} /> : null}
      {report.data && parsed.success ? (
        <>
          <p className="muted">{t('journeyMap.companies', { count: report.data.companies })} · {number(report.data.transitions.reduce((n, x) => n + x.count, 0))} {t('journeyMap.transitions')}</p>
          <Report map={report.data} />
        </>
      ) : null}
    </section>
  )
}

function Field({ error, children }: { error: string | undefined; children: ReactNode }) {
  const { tFromData } = useI18n()
  return (
    <div className="journey-map__field">
      {children}
      {error ? <p className="form-error" role="alert">{tFromData(error)}</p> : null}
    </div>
  )
}

function PersonaFilter({ value, onChange }: { value: string; onChange: (personaId: string) => void }) {
  const { t } = useI18n()
  const personas = useData('personas.list', {})
  return (
    <label>{t('journeyMap.field.persona')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('journeyMap.all')}</option>
        {(personas.data ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
    </label>
  )
}

function Report({ map }: { map: JourneyMap }) {
  const { t } = useI18n()
  return (
    <>
      <StationsNow now={map.now} />
      <div className="card journey-map__flow">
        <h2>{t('journeyMap.flow')}</h2>
        <JourneyFlow transitions={map.transitions} />
        <TransitionsTable transitions={map.transitions} />
      </div>
      <div className="card">
        <h2>{t('journeyMap.perStation')}</h2>
        <StationTable stations={map.stations} />
        <p className="muted small">{t('journeyMap.definitions')}</p>
      </div>
    </>
  )
}
