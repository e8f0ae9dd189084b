// "Alle Verträge" as a CSV or XLSX file: the list's own query (status and owner filter), every matching
// contract rather than the loaded page; annual values as amounts, dates as dates, headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { ContractExportQuery } from '../../../../shared/modules/contracts/contract.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listContracts } from './contract.service'

export async function exportContracts(ctx: ServiceContext, q: Required<ContractExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'contract.allContracts'),
    page: (limit, countAhead) => listContracts(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'contract.number'), kind: 'text', width: 18, value: (k) => k.number },
      { header: translate(language, 'contract.company'), kind: 'text', width: 40, value: (k) => k.companyName },
      { header: translate(language, 'contract.titleField'), kind: 'text', width: 32, value: (k) => k.title },
      { header: translate(language, 'contract.type'), kind: 'text', width: 24, value: (k) => translateEnum(language, 'contractType', k.type) },
      { header: translate(language, 'contract.status'), kind: 'text', value: (k) => translateEnum(language, 'contractStatus', k.status) },
      { header: translate(language, 'contract.startDate'), kind: 'date', width: 14, value: (k) => k.startDate },
      { header: translate(language, 'contract.endOfTerm'), kind: 'date', width: 14, value: (k) => k.endDate },
      { header: translate(language, 'contract.cancelBy'), kind: 'date', width: 14, value: (k) => k.cancelBy },
      { header: translate(language, 'contract.annualValue'), kind: 'cents', width: 20, value: (k) => k.annualValueCents },
      { header: translate(language, 'contract.owner'), kind: 'text', width: 24, value: (k) => k.ownerName },
    ],
  }, { format, language, today: todayOf(ctx) })
}
