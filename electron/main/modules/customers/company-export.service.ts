// The company list as a CSV or XLSX file: the list's own query (search, filters, station, sort), every
// matching row rather than the loaded page, its columns in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import { FEDERAL_STATES } from '../../../../shared/modules/customers/customer.enums'
import { isOneOf } from '../../../../shared/platform/value-lists'
import type { CompanyExportQuery } from '../../../../shared/modules/customers/company.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listCompanies } from './company.service'

export async function exportCompanies(ctx: ServiceContext, q: Required<CompanyExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'company.title'),
    page: (limit, countAhead) => listCompanies(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'company.name'), kind: 'text', width: 40, value: (c) => c.name },
      { header: translate(language, 'company.customerNumber'), kind: 'text', value: (c) => c.customerNumber },
      { header: translate(language, 'company.city'), kind: 'text', width: 24, value: (c) => c.city },
      { header: translate(language, 'company.federalState'), kind: 'text', width: 24, value: (c) => isOneOf(FEDERAL_STATES, c.federalState) ? translateEnum(language, 'federalState', c.federalState) : '' },
      { header: translate(language, 'company.status'), kind: 'text', value: (c) => translateEnum(language, 'status', c.status) },
      { header: translate(language, 'company.station'), kind: 'text', value: (c) => translateEnum(language, 'station', c.station ?? 'none') },
      { header: translate(language, 'company.owner'), kind: 'text', width: 24, value: (c) => c.ownerName },
      // The health score as a number (a spreadsheet sorts and filters by it) and its light in words; empty without a score.
      { header: translate(language, 'company.health'), kind: 'integer', value: (c) => c.health?.score ?? null },
      { header: translate(language, 'company.healthLight'), kind: 'text', value: (c) => (c.health ? translateEnum(language, 'healthLight', c.health.light) : '') },
    ],
  }, { format, language, today: todayOf(ctx) })
}
