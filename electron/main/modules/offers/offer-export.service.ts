// "Alle Angebote" as a CSV or XLSX file: the list's own query (search, status filter, sort), every
// matching offer rather than the loaded page; amounts as numbers, dates as dates, headers in the reader's language.
import { translate, translateEnum } from '../../../../shared/i18n'
import type { offerExportSchema } from '../../../../shared/modules/offers/offer.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { allRows, exportFile, type ExportTable } from '../../platform/exports/table-export'
import { listOffers } from './offer.service'
import type { z } from 'zod'

export async function exportOffers(ctx: ServiceContext, q: z.output<typeof offerExportSchema>): Promise<ExportFile> {
  const { format, language, ...query } = q
  const rows = await allRows((limit) => listOffers(ctx, { ...query, offset: 0, limit }))
  const table: ExportTable = {
    title: translate(language, 'offer.listTitle'),
    columns: [
      { header: translate(language, 'offer.number'), kind: 'text', width: 22 },
      { header: translate(language, 'offer.revision'), kind: 'integer', width: 10 },
      { header: translate(language, 'offer.customer'), kind: 'text', width: 40 },
      { header: translate(language, 'offer.status'), kind: 'text' },
      { header: translate(language, 'offer.offerDate'), kind: 'date', width: 14 },
      { header: translate(language, 'offer.validUntil'), kind: 'date', width: 14 },
      { header: translate(language, 'offer.gross'), kind: 'cents', width: 20 },
      { header: translate(language, 'offer.owner'), kind: 'text', width: 24 },
    ],
    rows: rows.map((o) => [
      o.number,
      o.revision,
      o.companyName,
      translateEnum(language, 'offerStatus', o.status),
      o.offerDate,
      o.validUntil,
      o.grossCents,
      o.ownerName,
    ]),
  }
  return exportFile(table, { format, language, today: todayOf(ctx) })
}
