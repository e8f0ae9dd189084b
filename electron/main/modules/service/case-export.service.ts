// "Alle Fälle" as a CSV or XLSX file: the list's own query (type and status filter), every matching case
// rather than the loaded page; the day received (in Berlin) as a date, labels and headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { CaseExportQuery } from '../../../../shared/modules/service/service.schema'
import { berlinDay } from '../../../../shared/platform/berlin-time'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { allRows, exportFile, type ExportTable } from '../../platform/exports/table-export'
import { listCases } from './case.service'

export async function exportCases(ctx: ServiceContext, q: Required<CaseExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const rows = await allRows((limit) => listCases(ctx, { ...query, offset: 0, limit }))
  const table: ExportTable = {
    title: translate(language, 'service.allCases'),
    columns: [
      { header: translate(language, 'case.number'), kind: 'text', width: 18 },
      { header: translate(language, 'case.type'), kind: 'text', width: 18 },
      { header: translate(language, 'case.company'), kind: 'text', width: 40 },
      { header: translate(language, 'case.subject'), kind: 'text', width: 40 },
      { header: translate(language, 'case.status'), kind: 'text' },
      { header: translate(language, 'case.priority'), kind: 'text' },
      { header: translate(language, 'case.receivedAt'), kind: 'date', width: 14 },
      { header: translate(language, 'case.owner'), kind: 'text', width: 24 },
    ],
    rows: rows.map((c) => [
      c.number,
      translateEnum(language, 'caseType', c.type),
      c.companyName,
      c.subject,
      translateEnum(language, 'caseStatus', c.status),
      translateEnum(language, 'priority', c.priority),
      berlinDay(c.receivedAt),
      c.ownerName,
    ]),
  }
  return exportFile(table, { format, language, today: todayOf(ctx) })
}
