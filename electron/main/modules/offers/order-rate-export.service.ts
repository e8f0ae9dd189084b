// The order-rate report as a CSV or XLSX file: the same query the report page shows (range, period, owner,
// segment) and the same tables — overall and with/without a pre-offer conversation, by period, by owner,
// by segment, the lost reasons and the follow-up discipline — one worksheet (or CSV block) each.
import { formatPeriod, translate, translateEnum, translateFromData } from '../../../../shared/i18n'
import type { Language } from '../../../../shared/modules/customers'
import type { OrderRateExportQuery } from '../../../../shared/modules/offers/offer.schema'
import type { OrderRateReport, OrderRateRow } from '../../../../shared/modules/offers/offer.types'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportTables, tableOf, type ListColumn } from '../../platform/exports/table-export'
import { orderRateReport } from './order-rate.service'

/** The columns of a table of rate rows: the row's label, then decided, won, lost, both rates and the won value. */
function rateColumns(language: Language, keyHeader: string, label: (key: string) => string): ListColumn<OrderRateRow>[] {
  return [
    { header: keyHeader, kind: 'text', width: 30, value: (r) => label(r.key) },
    { header: translate(language, 'report.decided'), kind: 'integer', width: 14, value: (r) => r.decided },
    { header: translate(language, 'report.won'), kind: 'integer', width: 14, value: (r) => r.won },
    { header: translate(language, 'enum.offerStatus.lost'), kind: 'integer', width: 14, value: (r) => r.lost },
    { header: translate(language, 'report.rateCount'), kind: 'percent', width: 16, value: (r) => r.rateByCount },
    { header: translate(language, 'report.rateValue'), kind: 'percent', width: 16, value: (r) => r.rateByValue },
    { header: translate(language, 'report.wonValue'), kind: 'cents', width: 20, value: (r) => r.wonValueCents },
  ]
}

type LostReasonRow = OrderRateReport['lostReasons'][number]

function lostReasonColumns(language: Language): ListColumn<LostReasonRow>[] {
  const reason = (x: LostReasonRow) => (x.reason === 'expired' ? translate(language, 'enum.offerStatus.expired')
    : x.reason ? translateEnum(language, 'lostReason', x.reason) : translate(language, 'common.noEntry'))
  return [
    { header: translate(language, 'report.lostReasons'), kind: 'text', width: 30, value: reason },
    { header: translate(language, 'enum.offerStatus.lost'), kind: 'integer', width: 14, value: (x) => x.count },
    { header: translate(language, 'offer.gross'), kind: 'cents', width: 20, value: (x) => x.valueCents },
    { header: translate(language, 'report.cumulativeShare'), kind: 'percent', width: 18, value: (x) => x.cumulativeShare },
  ]
}

export async function exportOrderRate(ctx: ServiceContext, q: Required<OrderRateExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const r = await orderRateReport(ctx, query)
  const title = (key: 'report.total' | 'report.byPeriod' | 'report.byOwner' | 'report.bySegment' | 'report.lostReasons' | 'report.discipline') => translate(language, key)
  const overall = [
    { ...r.total, key: title('report.total') },
    { ...r.withConversation, key: translate(language, 'report.withConversation') },
    { ...r.withoutConversation, key: translate(language, 'report.withoutConversation') },
  ]
  const d = r.followUpDiscipline
  return exportTables({
    title: translate(language, 'report.title'),
    sections: [
      tableOf(title('report.total'), rateColumns(language, translate(language, 'report.title'), (k) => k), overall),
      tableOf(title('report.byPeriod'), rateColumns(language, translate(language, 'report.period'), (k) => formatPeriod(language, k)), r.byPeriod),
      tableOf(title('report.byOwner'), rateColumns(language, translate(language, 'offer.owner'), (k) => k), r.byOwner),
      tableOf(title('report.bySegment'), rateColumns(language, translate(language, 'company.segment'),
        (k) => (k ? translateFromData(language, `enum.segment.${k}`) : translate(language, 'report.noSegment'))), r.bySegment),
      tableOf(title('report.lostReasons'), lostReasonColumns(language), r.lostReasons),
      {
        title: title('report.discipline'),
        columns: [{ header: title('report.discipline'), kind: 'text', width: 60 }, { header: translate(language, 'report.rateCount'), kind: 'percent', width: 16 }],
        rows: [[translate(language, 'report.disciplineDetail', { onTime: d.onTime, due: d.due }), d.share]],
      },
    ],
  }, { format, language, today: todayOf(ctx) })
}
