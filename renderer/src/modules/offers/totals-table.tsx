// The totals of an offer: items net, offer discount, net, VAT per rate, gross, after Skonto, and the
// optional items apart. Shown while the offer is edited and on the offer itself.
import type { OfferTotals } from '../../../../shared/platform/line-item-totals'
import { useI18n } from '../../lib/i18n'
import { formatCents } from '../../../../shared/platform/money'

export function TotalsTable({ totals, offerDiscountPercent }: { totals: OfferTotals; offerDiscountPercent?: number | undefined }) {
  const { t, language, number } = useI18n()
  const money = (cents: number) => formatCents(cents, language)
  return (
    <table className="totals" aria-label={t('offer.totals')}>
      <tbody>
        <tr><th scope="row">{t('offer.itemsNet')}</th><td>{money(totals.itemsNetCents)}</td></tr>
        {totals.offerDiscountCents > 0 ? <tr><th scope="row">{offerDiscountPercent ? t('offer.offerDiscountLine', { percent: number(offerDiscountPercent) }) : t('offer.offerDiscountShort')}</th><td>−{money(totals.offerDiscountCents)}</td></tr> : null}
        <tr><th scope="row">{t('offer.net')}</th><td>{money(totals.netCents)}</td></tr>
        {totals.vat.map((v) => (
          <tr key={v.rate}><th scope="row">{t('offer.vatLine', { rate: v.rate, base: money(v.baseCents) })}</th><td>{money(v.vatCents)}</td></tr>
        ))}
        <tr className="totals__gross"><th scope="row">{t('offer.gross')}</th><td>{money(totals.grossCents)}</td></tr>
        {totals.skontoCents > 0 ? <tr><th scope="row">{t('offer.afterSkonto')}</th><td>{money(totals.grossAfterSkontoCents)}</td></tr> : null}
        {totals.optionalNetCents > 0 ? <tr className="muted"><th scope="row">{t('offer.optionalNet')}</th><td>{money(totals.optionalNetCents)}</td></tr> : null}
      </tbody>
    </table>
  )
}
