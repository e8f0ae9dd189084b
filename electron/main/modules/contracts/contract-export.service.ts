// "Alle Verträge" as a CSV or XLSX file: the list's own query (status and owner filter), every matching
// contract rather than the loaded page; annual values as amounts, dates as dates, headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { ContractExportQuery } from '../../../../shared/modules/contracts/contract.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { allRows, exportFile, type ExportTable } from '../../platform/exports/table-export'
import { listContracts } from './contract.service'

export async function exportContracts(ctx: ServiceContext, q: Required<ContractExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const rows = await allRows((limit) => listContracts(ctx, { ...query, offset: 0, limit }))
  const table: ExportTable = {
    title: translate(language, 'contract.allContracts'),
    columns: [
      { header: translate(language, 'contract.number'), kind: 'text', width: 18 },
      { header: translate(language, 'contract.company'), kind: 'text', width: 40 },
      { header: translate(language, 'contract.titleField'), kind: 'text', width: 32 },
      { header: translate(language, 'contract.type'), kind: 'text', width: 24 },
      { header: translate(language, 'contract.status'), kind: 'text' },
      { header: translate(language, 'contract.startDate'), kind: 'date', width: 14 },
      { header: translate(language, 'contract.endOfTerm'), kind: 'date', width: 14 },
      { header: translate(language, 'contract.cancelBy'), kind: 'date', width: 14 },
      { header: translate(language, 'contract.annualValue'), kind: 'cents', width: 20 },
      { header: translate(language, 'contract.owner'), kind: 'text', width: 24 },
    ],
    rows: rows.map((k) => [
      k.number,
      k.companyName,
      k.title,
      translateEnum(language, 'contractType', k.type),
      translateEnum(language, 'contractStatus', k.status),
      k.startDate,
      k.endDate,
      k.cancelBy,
      k.annualValueCents,
      k.ownerName,
    ]),
  }
  return exportFile(table, { format, language, today: todayOf(ctx) })
}
