// The NPS report as a CSV or XLSX file: the same query the report page shows (range, period) and the same
// tables — overall with the average satisfaction, by period, by segment, the quotable testimonials — one
// worksheet (or CSV block) each. The NPS (−100…100, one decimal) and the average are decimals.
import { formatPeriod, translate, translateFromData } from '../../../../shared/i18n'
import type { Language } from '../../../../shared/modules/customers'
import type { NpsReportExportQuery } from '../../../../shared/modules/service/service.schema'
import type { NpsReport, NpsRow } from '../../../../shared/modules/service/service.types'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportTables, tableOf, type ListColumn } from '../../platform/exports/table-export'
import { npsReport } from './feedback.service'

const NPS = 'Net Promoter Score'

/** Answers, promoters, passives, detractors and the NPS, after the row's label. */
function npsColumns(language: Language, keyHeader: string, label: (key: string) => string): ListColumn<NpsRow>[] {
  return [
    { header: keyHeader, kind: 'text', width: 24, value: (r) => label(r.key) },
    { header: translate(language, 'nps.answers'), kind: 'integer', width: 12, value: (r) => r.answers },
    { header: translate(language, 'nps.promoters'), kind: 'integer', width: 18, value: (r) => r.promoters },
    { header: translate(language, 'nps.passives'), kind: 'integer', width: 16, value: (r) => r.passives },
    { header: translate(language, 'nps.detractors'), kind: 'integer', width: 16, value: (r) => r.detractors },
    { header: 'NPS', kind: 'decimal', width: 10, value: (r) => r.nps },
  ]
}

const testimonialColumns = (language: Language): ListColumn<NpsReport['testimonials'][number]>[] => [
  { header: translate(language, 'feedback.givenOn'), kind: 'date', width: 14, value: (x) => x.givenOn },
  { header: translate(language, 'case.company'), kind: 'text', width: 36, value: (x) => x.companyName },
  { header: translate(language, 'case.contact'), kind: 'text', width: 28, value: (x) => x.contactName },
  { header: translate(language, 'feedback.testimonialText'), kind: 'text', width: 60, value: (x) => x.comment },
  { header: translate(language, 'feedback.beforeFigure'), kind: 'text', width: 20, value: (x) => x.beforeFigure },
  { header: translate(language, 'feedback.afterFigure'), kind: 'text', width: 20, value: (x) => x.afterFigure },
]

export async function exportNpsReport(ctx: ServiceContext, q: Required<NpsReportExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const r = await npsReport(ctx, query)
  const overall: ListColumn<NpsRow>[] = [...npsColumns(language, NPS, () => NPS), { header: translate(language, 'nps.satisfaction'), kind: 'decimal', width: 22, value: () => r.satisfactionAverage }]
  return exportTables({
    title: translate(language, 'nps.title'),
    sections: [
      tableOf(NPS, overall, [r.total]),
      tableOf(translate(language, 'renewalReport.byPeriod'), npsColumns(language, translate(language, 'report.period'), (k) => formatPeriod(language, k)), r.byPeriod),
      tableOf(translate(language, 'nps.bySegment'), npsColumns(language, translate(language, 'company.segment'),
        (k) => (k ? translateFromData(language, `enum.segment.${k}`) : translate(language, 'common.noEntry'))), r.bySegment),
      tableOf(translate(language, 'nps.testimonials'), testimonialColumns(language), r.testimonials),
    ],
  }, { format, language, today: todayOf(ctx) })
}
