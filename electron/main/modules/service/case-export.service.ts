// "Alle Fälle" as a CSV or XLSX file: the list's own query (type and status filter), every matching case
// rather than the loaded page; the day received (in Berlin) as a date, labels and headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { CaseExportQuery } from '../../../../shared/modules/service/service.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listCases } from './case.service'

export async function exportCases(ctx: ServiceContext, q: Required<CaseExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'service.allCases'),
    page: (limit, countAhead) => listCases(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'case.number'), kind: 'text', width: 18, value: (c) => c.number },
      { header: translate(language, 'case.type'), kind: 'text', width: 18, value: (c) => translateEnum(language, 'caseType', c.type) },
      { header: translate(language, 'case.company'), kind: 'text', width: 40, value: (c) => c.companyName },
      { header: translate(language, 'case.subject'), kind: 'text', width: 40, value: (c) => c.subject },
      { header: translate(language, 'case.status'), kind: 'text', value: (c) => translateEnum(language, 'caseStatus', c.status) },
      { header: translate(language, 'case.priority'), kind: 'text', value: (c) => translateEnum(language, 'priority', c.priority) },
      { header: translate(language, 'case.receivedAt'), kind: 'date', width: 14, value: (c) => berlinDay(c.receivedAt) },
      { header: translate(language, 'case.owner'), kind: 'text', width: 24, value: (c) => c.ownerName },
    ],
  }, { format, language, today: todayOf(ctx) })
}
