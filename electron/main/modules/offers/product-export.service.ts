// The price list as a CSV or XLSX file: the list's own query (search, active only), every matching product;
// list prices as amounts, the VAT rate and warranty as numbers, headers in the reader's language.
import { translate } from '../../../../shared/i18n'
import type { ProductExportQuery } from '../../../../shared/modules/offers/offer.schema'
import type { ExportFile } from '../../../../shared/platform/export-file'
import { todayOf, type ServiceContext } from '../../platform/context'
import { exportList } from '../../platform/exports/table-export'
import { listProducts } from './product.service'

export async function exportProducts(ctx: ServiceContext, q: Required<ProductExportQuery>): Promise<ExportFile> {
  const { format, language, ...query } = q
  return exportList({
    title: translate(language, 'product.title'),
    page: (limit) => listProducts(ctx, { ...query, offset: 0, limit }),
    columns: [
      { header: translate(language, 'product.sku'), kind: 'text', width: 18, value: (p) => p.sku },
      { header: translate(language, 'product.name'), kind: 'text', width: 40, value: (p) => p.name },
      { header: translate(language, 'product.description'), kind: 'text', width: 50, value: (p) => p.description },
      { header: translate(language, 'product.unit'), kind: 'text', width: 12, value: (p) => p.unit },
      { header: translate(language, 'product.listPrice'), kind: 'cents', width: 20, value: (p) => p.listPriceCents },
      { header: `${translate(language, 'product.vatRate')} (%)`, kind: 'integer', width: 12, value: (p) => p.vatRate },
      { header: translate(language, 'product.warrantyMonths'), kind: 'integer', width: 18, value: (p) => p.warrantyMonths },
      { header: translate(language, 'product.active'), kind: 'text', width: 10, value: (p) => translate(language, p.active ? 'common.yes' : 'common.no') },
    ],
  }, { format, language, today: todayOf(ctx) })
}
