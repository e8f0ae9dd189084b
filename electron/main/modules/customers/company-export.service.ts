// The company list as a CSV or XLSX file: the list's own query (search, filters, station, sort), every
// matching row rather than the loaded page, its columns in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import { FEDERAL_STATES } from '../../../../shared/modules/customers/customer.enums'
import { isOneOf } from '../../../../shared/platform/value-lists'
import type { CompanyExportQuery } from '../../../../shared/modules/customers/company.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { allRows, exportFile, type ExportTable } from '../../platform/exports/table-export'
import { listCompanies } from './company.service'

export async function exportCompanies(ctx: ServiceContext, q: Required<CompanyExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const rows = await allRows((limit) => listCompanies(ctx, { ...query, offset: 0, limit }))
  const table: ExportTable = {
    title: translate(language, 'company.title'),
    columns: [
      { header: translate(language, 'company.name'), kind: 'text', width: 40 },
      { header: translate(language, 'company.customerNumber'), kind: 'text' },
      { header: translate(language, 'company.city'), kind: 'text', width: 24 },
      { header: translate(language, 'company.federalState'), kind: 'text', width: 24 },
      { header: translate(language, 'company.status'), kind: 'text' },
      { header: translate(language, 'company.station'), kind: 'text' },
      { header: translate(language, 'company.owner'), kind: 'text', width: 24 },
    ],
    rows: rows.map((c) => [
      c.name,
      c.customerNumber,
      c.city,
      isOneOf(FEDERAL_STATES, c.federalState) ? translateEnum(language, 'federalState', c.federalState) : '',
      translateEnum(language, 'status', c.status),
      translateEnum(language, 'station', c.station ?? 'none'),
      c.ownerName,
    ]),
  }
  return exportFile(table, { format, language, today: todayOf(ctx) })
}
