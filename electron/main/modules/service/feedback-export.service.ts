// A customer's feedback as a CSV or XLSX file: the list's own query (company and kind filter), every
// matching answer rather than the loaded page; kinds and stations as their labels, the day as a date.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { FeedbackExportQuery } from '../../../../shared/modules/service/service.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listFeedback } from './feedback.service'

export async function exportFeedback(ctx: ServiceContext, q: Required<FeedbackExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const yesNo = (value: boolean) => translate(language, value ? 'common.yes' : 'common.no')
  return exportList({
    title: translate(language, 'company.feedback'),
    page: (limit) => listFeedback(ctx, { ...query, offset: 0, limit }),
    columns: [
      { header: translate(language, 'feedback.givenOn'), kind: 'date', width: 14, value: (f) => f.givenOn },
      { header: translate(language, 'case.company'), kind: 'text', width: 36, value: (f) => f.companyName },
      { header: translate(language, 'case.contact'), kind: 'text', width: 28, value: (f) => f.contactName },
      { header: translate(language, 'feedback.kind'), kind: 'text', width: 16, value: (f) => translateEnum(language, 'feedbackKind', f.kind) },
      { header: translate(language, 'feedback.station'), kind: 'text', width: 16, value: (f) => (f.station ? translateEnum(language, 'station', f.station) : '') },
      // One column for both scales; the kind beside it says which one (0–10 or 1–5).
      { header: `${translate(language, 'feedback.npsScore')} / ${translate(language, 'feedback.satisfactionScore')}`, kind: 'integer', width: 20, value: (f) => f.score },
      { header: translate(language, 'feedback.comment'), kind: 'text', width: 50, value: (f) => f.comment },
      { header: translate(language, 'feedback.quotePermission'), kind: 'text', width: 12, value: (f) => (f.kind === 'testimonial' ? yesNo(f.quotePermission) : '') },
      { header: translate(language, 'feedback.beforeFigure'), kind: 'text', width: 20, value: (f) => f.beforeFigure },
      { header: translate(language, 'feedback.afterFigure'), kind: 'text', width: 20, value: (f) => f.afterFigure },
    ],
  }, { format, language, today: todayOf(ctx) })
}
