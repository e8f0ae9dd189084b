// "Alle Angebote" as a CSV or XLSX file: the list's own query (search, status filter, sort), every
// matching offer rather than the loaded page; amounts as numbers, dates as dates, headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { offerExportSchema } from '../../../../shared/modules/offers/offer.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listOffers } from './offer.service'
import type { z } from 'zod'

export async function exportOffers(ctx: ServiceContext, q: z.output<typeof offerExportSchema>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'offer.listTitle'),
    page: (limit, countAhead) => listOffers(ctx, { ...query, offset: 0, limit }, countAhead),
    columns: [
      { header: translate(language, 'offer.number'), kind: 'text', width: 22, value: (o) => o.number },
      { header: translate(language, 'offer.revision'), kind: 'integer', width: 10, value: (o) => o.revision },
      { header: translate(language, 'offer.customer'), kind: 'text', width: 40, value: (o) => o.companyName },
      { header: translate(language, 'offer.status'), kind: 'text', value: (o) => translateEnum(language, 'offerStatus', o.status) },
      { header: translate(language, 'offer.offerDate'), kind: 'date', width: 14, value: (o) => o.offerDate },
      { header: translate(language, 'offer.validUntil'), kind: 'date', width: 14, value: (o) => o.validUntil },
      { header: translate(language, 'offer.gross'), kind: 'cents', width: 20, value: (o) => o.grossCents },
      { header: translate(language, 'offer.owner'), kind: 'text', width: 24, value: (o) => o.ownerName },
    ],
  }, { format, language, today: todayOf(ctx) })
}
