// Offer money math in integer cents: line nets, offer discount and VAT per VAT group, Skonto (formatting: money.ts).

export const VAT_RATES = [19, 7, 0] as const
export type VatRate = (typeof VAT_RATES)[number]

export interface OfferItemInput {
  /** Greater than 0, at most 3 decimals. */
  quantity: number
  /** Integer, at least 0. */
  unitPriceCents: number
  /** 0 to 100, at most 2 decimals. */
  discountPercent: number
  vatRate: VatRate
  /** Optional items are priced but not part of the totals. */
  optional: boolean
}

export interface OfferTotalsInput {
  items: OfferItemInput[]
  /** 0 to 100, at most 2 decimals. */
  offerDiscountPercent: number
  /** 0 to 100, at most 2 decimals. */
  skontoPercent: number
}

export interface OfferTotals {
  /** One entry per input item, same order; optional items get their amount too. */
  lines: Array<{ netCents: number }>
  /** Sum of the non-optional line nets. */
  itemsNetCents: number
  /** Total offer discount: the sum of the discounts of the VAT groups. */
  offerDiscountCents: number
  /** itemsNetCents − offerDiscountCents. */
  netCents: number
  /**
   * One entry per rate present among the non-optional items, ordered 19, 7, 0. `baseCents` is the
   * group's VAT base after the offer discount, so the bases add up to `netCents`.
   */
  vat: Array<{ rate: VatRate; baseCents: number; vatCents: number }>
  vatCents: number
  /** netCents + vatCents. */
  grossCents: number
  /** round(gross × Skonto %). */
  skontoCents: number
  grossAfterSkontoCents: number
  /** Sum of the optional line nets (shown, not totalled). */
  optionalNetCents: number
}

const QUANTITY_SCALE = 1000n // quantity in thousandths
const PERCENT_SCALE = 10_000n // percentages in hundredths of a percent (basis points)

/** Division of integers rounded half away from zero (commercial rounding). */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n
  const n = numerator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const q = (2n * n + d) / (2n * d)
  return negative ? -q : q
}

/**
 * Scales a decimal number to an integer with `decimals` places, or throws when it has more places.
 * `value × 10^decimals` is rounded and checked by dividing back: a number typed with at most
 * `decimals` places is the double nearest to that decimal, and so is the quotient.
 */
function toScaledInteger(value: number, decimals: number, label: string): bigint {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`${label} must be a finite number (got ${String(value)})`)
  const factor = 10 ** decimals
  const scaled = Math.round(value * factor)
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`${label} is too large (got ${value})`)
  if (scaled / factor !== value) {
    throw new RangeError(decimals === 0 ? `${label} must be a whole number (got ${value})` : `${label} may have at most ${decimals} decimals (got ${value})`)
  }
  return BigInt(scaled)
}

/** A percentage 0..100 with at most 2 decimals, in basis points (0..10000). */
function percentBasisPoints(value: number, label: string): bigint {
  const bp = toScaledInteger(value, 2, label)
  if (bp < 0n || bp > PERCENT_SCALE) throw new RangeError(`${label} must be between 0 and 100 (got ${value})`)
  return bp
}

function toSafeNumber(value: bigint, label: string): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`${label} exceeds the largest representable amount`)
  return n
}

function lineNet(item: Pick<OfferItemInput, 'quantity' | 'unitPriceCents' | 'discountPercent'>, label: string): bigint {
  const quantityMilli = toScaledInteger(item.quantity, 3, `${label}quantity`)
  if (quantityMilli <= 0n) throw new RangeError(`${label}quantity must be greater than 0 (got ${item.quantity})`)
  const price = toScaledInteger(item.unitPriceCents, 0, `${label}unitPriceCents`)
  if (price < 0n) throw new RangeError(`${label}unitPriceCents must not be negative (got ${item.unitPriceCents})`)
  const discount = percentBasisPoints(item.discountPercent, `${label}discountPercent`)
  const net = roundDiv(quantityMilli * price * (PERCENT_SCALE - discount), QUANTITY_SCALE * PERCENT_SCALE)
  toSafeNumber(net, `${label}net amount`)
  return net
}

/**
 * Net amount of one line in cents: quantity × unit price × (1 − discount), rounded half away from
 * zero to the cent once, on the exact product (no intermediate rounding).
 * @throws RangeError for a quantity ≤ 0 or with more than 3 decimals, a negative or fractional
 * price, a discount outside 0..100 or with more than 2 decimals, NaN or Infinity.
 */
export function lineNetCents(item: Pick<OfferItemInput, 'quantity' | 'unitPriceCents' | 'discountPercent'>): number {
  return Number(lineNet(item, ''))
}

/**
 * Offer totals following German commercial practice. Each line is rounded to the cent; the offer
 * discount is taken off each VAT group (sum of its non-optional line nets) and rounded per group;
 * VAT is rounded per group on the discounted base; every total is the sum of the group values, so
 * the result does not depend on the item order. Skonto is rounded once on the gross total.
 * @throws RangeError for invalid items (see {@link lineNetCents}), an unknown VAT rate, or an offer
 * discount / Skonto outside 0..100 or with more than 2 decimals.
 */
export function computeOfferTotals(input: OfferTotalsInput): OfferTotals {
  const offerDiscount = percentBasisPoints(input.offerDiscountPercent, 'offerDiscountPercent')
  const skonto = percentBasisPoints(input.skontoPercent, 'skontoPercent')
  if (!Array.isArray(input.items)) throw new RangeError('items must be an array')

  const groupBase = new Map<VatRate, bigint>()
  let optionalNet = 0n
  const lines = input.items.map((item, index) => {
    const label = `items[${index}].`
    if (!(VAT_RATES as readonly unknown[]).includes(item.vatRate)) {
      throw new RangeError(`${label}vatRate must be one of ${VAT_RATES.join(', ')} (got ${String(item.vatRate)})`)
    }
    if (typeof item.optional !== 'boolean') throw new RangeError(`${label}optional must be true or false (got ${String(item.optional)})`)
    const net = lineNet(item, label)
    if (item.optional) optionalNet += net
    else groupBase.set(item.vatRate, (groupBase.get(item.vatRate) ?? 0n) + net)
    return { netCents: Number(net) }
  })

  let itemsNet = 0n
  let discountTotal = 0n
  let vatTotal = 0n
  const vat: OfferTotals['vat'] = []
  for (const rate of VAT_RATES) {
    const base = groupBase.get(rate)
    if (base === undefined) continue
    const discount = roundDiv(base * offerDiscount, PERCENT_SCALE)
    const discountedBase = base - discount
    const groupVat = roundDiv(discountedBase * BigInt(rate), 100n)
    itemsNet += base
    discountTotal += discount
    vatTotal += groupVat
    vat.push({ rate, baseCents: toSafeNumber(discountedBase, 'VAT base'), vatCents: toSafeNumber(groupVat, 'VAT') })
  }

  const net = itemsNet - discountTotal
  const gross = net + vatTotal
  const skontoAmount = roundDiv(gross * skonto, PERCENT_SCALE)
  return {
    lines,
    itemsNetCents: toSafeNumber(itemsNet, 'items net total'),
    offerDiscountCents: toSafeNumber(discountTotal, 'offer discount'),
    netCents: toSafeNumber(net, 'net total'),
    vat,
    vatCents: toSafeNumber(vatTotal, 'VAT total'),
    grossCents: toSafeNumber(gross, 'gross total'),
    skontoCents: toSafeNumber(skontoAmount, 'Skonto'),
    grossAfterSkontoCents: toSafeNumber(gross - skontoAmount, 'gross after Skonto'),
    optionalNetCents: toSafeNumber(optionalNet, 'optional net total'),
  }
}
