// The renewal report as a CSV or XLSX file: the same query the report page shows (range, period, owner)
// and the same tables — the renewal rate overall, by period, by owner, and the churn reasons — one
// worksheet (or CSV block) each.
import { formatPeriod, translate, translateEnum } from '../../../../shared/i18n'
import type { Language } from '../../../../shared/modules/customers'
import type { RenewalReportExportQuery } from '../../../../shared/modules/contracts/contract.schema'
import type { RenewalRateRow, RenewalReport } from '../../../../shared/modules/contracts/contract.types'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportTables, tableOf, type ListColumn } from '../../platform/exports/table-export'
import { renewalReport } from './renewal.service'

/** Up for decision, renewed, ended, both rates and the renewed annual value, after the row's label. */
function renewalColumns(language: Language, keyHeader: string, label: (key: string) => string): ListColumn<RenewalRateRow>[] {
  return [
    { header: keyHeader, kind: 'text', width: 30, value: (r) => label(r.key) },
    { header: translate(language, 'renewalReport.due'), kind: 'integer', width: 16, value: (r) => r.due },
    { header: translate(language, 'renewalReport.renewed'), kind: 'integer', width: 14, value: (r) => r.renewed },
    { header: translate(language, 'renewalReport.churned'), kind: 'integer', width: 14, value: (r) => r.churned },
    { header: translate(language, 'report.rateCount'), kind: 'percent', width: 16, value: (r) => r.rateByCount },
    { header: translate(language, 'report.rateValue'), kind: 'percent', width: 16, value: (r) => r.rateByValue },
    { header: translate(language, 'renewalReport.renewedValue'), kind: 'cents', width: 22, value: (r) => r.renewedValueCents },
  ]
}

const churnColumns = (language: Language): ListColumn<RenewalReport['churnReasons'][number]>[] => [
  { header: translate(language, 'renewalReport.churnReasons'), kind: 'text', width: 34, value: (c) => translateEnum(language, 'churnReason', c.reason) },
  { header: translate(language, 'renewalReport.churned'), kind: 'integer', width: 14, value: (c) => c.count },
  { header: translate(language, 'contract.annualValue'), kind: 'cents', width: 20, value: (c) => c.valueCents },
]

export async function exportRenewalReport(ctx: ServiceContext, q: Required<RenewalReportExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const r = await renewalReport(ctx, query)
  const rate = translate(language, 'renewalReport.rate')
  return exportTables({
    title: translate(language, 'renewalReport.title'),
    sections: [
      tableOf(rate, renewalColumns(language, rate, (k) => k), [{ ...r.total, key: rate }]),
      tableOf(translate(language, 'renewalReport.byPeriod'), renewalColumns(language, translate(language, 'report.period'), (k) => formatPeriod(language, k)), r.byPeriod),
      tableOf(translate(language, 'renewalReport.byOwner'), renewalColumns(language, translate(language, 'contract.owner'), (k) => k), r.byOwner),
      tableOf(translate(language, 'renewalReport.churnReasons'), churnColumns(language), r.churnReasons),
    ],
  }, { format, language, today: todayOf(ctx) })
}
