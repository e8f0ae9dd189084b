// Offer money math: hand-checked examples, invalid input, and order/optional-item invariants (fast-check).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  VAT_RATES,
  computeOfferTotals,
  lineNetCents,
  type OfferItemInput,
  type OfferTotals,
  type VatRate,
} from '../../shared/platform/line-item-totals'

const item = (overrides: Partial<OfferItemInput>): OfferItemInput => ({
  quantity: 1, unitPriceCents: 0, discountPercent: 0, vatRate: 19, optional: false, ...overrides,
})

/** Everything except the per-line list, which follows the item order. */
const totalsOnly = ({ lines: _lines, ...rest }: OfferTotals) => rest

describe('lineNetCents', () => {
  it('multiplies quantity by unit price', () => {
    expect(lineNetCents({ quantity: 3, unitPriceCents: 2500, discountPercent: 0 })).toBe(7500)
    expect(lineNetCents({ quantity: 0.25, unitPriceCents: 1000, discountPercent: 0 })).toBe(250)
  })

  it('rounds half a cent away from zero, once per line', () => {
    expect(lineNetCents({ quantity: 1.5, unitPriceCents: 999, discountPercent: 0 })).toBe(1499) // 1498.5
    expect(lineNetCents({ quantity: 0.5, unitPriceCents: 1, discountPercent: 0 })).toBe(1) // 0.5
    expect(lineNetCents({ quantity: 0.001, unitPriceCents: 499, discountPercent: 0 })).toBe(0) // 0.499
    expect(lineNetCents({ quantity: 1, unitPriceCents: 1010, discountPercent: 5 })).toBe(960) // 959.5
    expect(lineNetCents({ quantity: 3, unitPriceCents: 1999, discountPercent: 2.5 })).toBe(5847) // 5847.075
  })

  it('does not inherit floating-point drift', () => {
    // 1.005 × 100 is 100.49999999999999 in floating point; the exact amount 100.5 rounds up.
    expect(lineNetCents({ quantity: 1.005, unitPriceCents: 100, discountPercent: 0 })).toBe(101)
    // 0.1 × 3 = 0.30000000000000004 in floating point.
    expect(lineNetCents({ quantity: 0.1, unitPriceCents: 3, discountPercent: 0 })).toBe(0)
    expect(lineNetCents({ quantity: 0.3, unitPriceCents: 5, discountPercent: 0 })).toBe(2) // 1.5
  })

  it('gives 0 at 100 % discount', () => {
    expect(lineNetCents({ quantity: 7, unitPriceCents: 123_456, discountPercent: 100 })).toBe(0)
  })

  it('stays within half a cent of the exact amount', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 10_000 }),
      (quantityMilli, price, discountBp) => {
        const net = lineNetCents({ quantity: quantityMilli / 1000, unitPriceCents: price, discountPercent: discountBp / 100 })
        // exact = quantityMilli × price × (10000 − discountBp) / 10^7; compare in integers.
        const scaledExact = BigInt(quantityMilli) * BigInt(price) * BigInt(10_000 - discountBp)
        const error = BigInt(net) * 10_000_000n - scaledExact
        expect(2n * (error < 0n ? -error : error) <= 10_000_000n).toBe(true)
        if (2n * (error < 0n ? -error : error) === 10_000_000n) expect(error > 0n).toBe(true) // a tie rounds up
      },
    ))
  })
})

describe('computeOfferTotals: worked examples', () => {
  it('computes a single 19 % line', () => {
    const totals = computeOfferTotals({ items: [item({ quantity: 1, unitPriceCents: 1000 })], offerDiscountPercent: 0, skontoPercent: 0 })
    expect(totals).toEqual({
      lines: [{ netCents: 1000 }],
      itemsNetCents: 1000,
      offerDiscountCents: 0,
      netCents: 1000,
      vat: [{ rate: 19, baseCents: 1000, vatCents: 190 }],
      vatCents: 190,
      grossCents: 1190,
      skontoCents: 0,
      grossAfterSkontoCents: 1190,
      optionalNetCents: 0,
    })
  })

  it('mixes 19 %, 7 % and 0 %, an optional item, offer discount 5 % and Skonto 2 %', () => {
    const totals = computeOfferTotals({
      items: [
        item({ quantity: 2, unitPriceCents: 12_345, discountPercent: 10, vatRate: 19 }), // 24690 × 0.9 = 22221
        item({ quantity: 1.5, unitPriceCents: 999, vatRate: 7 }), // 1498.5 → 1499
        item({ quantity: 3, unitPriceCents: 2500, vatRate: 19 }), // 7500
        item({ quantity: 1, unitPriceCents: 10_000, vatRate: 19, optional: true }), // 10000, not totalled
        item({ quantity: 4, unitPriceCents: 250, vatRate: 0 }), // 1000
      ],
      offerDiscountPercent: 5,
      skontoPercent: 2,
    })
    expect(totals.lines).toEqual([{ netCents: 22_221 }, { netCents: 1499 }, { netCents: 7500 }, { netCents: 10_000 }, { netCents: 1000 }])
    expect(totals.itemsNetCents).toBe(32_220)
    // 19 %: base 29721, discount 1486.05 → 1486, VAT base 28235, VAT 5364.65 → 5365
    // 7 %:  base 1499,  discount 74.95 → 75,     VAT base 1424,  VAT 99.68 → 100
    // 0 %:  base 1000,  discount 50,             VAT base 950,   VAT 0
    expect(totals.vat).toEqual([
      { rate: 19, baseCents: 28_235, vatCents: 5365 },
      { rate: 7, baseCents: 1424, vatCents: 100 },
      { rate: 0, baseCents: 950, vatCents: 0 },
    ])
    expect(totals.offerDiscountCents).toBe(1611)
    expect(totals.netCents).toBe(30_609)
    expect(totals.vatCents).toBe(5465)
    expect(totals.grossCents).toBe(36_074)
    expect(totals.skontoCents).toBe(721) // 721.48
    expect(totals.grossAfterSkontoCents).toBe(35_353)
    expect(totals.optionalNetCents).toBe(10_000)
  })

  it('rounds VAT per group, half a cent up', () => {
    // 19 % of 50 = 9.5 → 10; 7 % of 150 = 10.5 → 11. One VAT over the sum would give 20.00 ≠ 21.
    const totals = computeOfferTotals({
      items: [item({ unitPriceCents: 50, vatRate: 19 }), item({ unitPriceCents: 150, vatRate: 7 })],
      offerDiscountPercent: 0,
      skontoPercent: 0,
    })
    expect(totals.vat).toEqual([{ rate: 19, baseCents: 50, vatCents: 10 }, { rate: 7, baseCents: 150, vatCents: 11 }])
    expect(totals.vatCents).toBe(21)
    expect(totals.grossCents).toBe(221)
  })

  it('rounds the offer discount per group', () => {
    // 10 % of 5 = 0.5 → 1 in each group: 2 cents, where 10 % of the sum (10) would be 1.
    const totals = computeOfferTotals({
      items: [item({ unitPriceCents: 5, vatRate: 19 }), item({ unitPriceCents: 5, vatRate: 7 })],
      offerDiscountPercent: 10,
      skontoPercent: 0,
    })
    expect(totals.offerDiscountCents).toBe(2)
    expect(totals.netCents).toBe(8)
    expect(totals.vat).toEqual([{ rate: 19, baseCents: 4, vatCents: 1 }, { rate: 7, baseCents: 4, vatCents: 0 }]) // 0.76 → 1, 0.28 → 0
  })

  it('rounds Skonto 2 % half a cent up', () => {
    // net 2500, VAT 475, gross 2975, 2 % = 59.5 → 60
    const totals = computeOfferTotals({ items: [item({ unitPriceCents: 2500 })], offerDiscountPercent: 0, skontoPercent: 2 })
    expect(totals.grossCents).toBe(2975)
    expect(totals.skontoCents).toBe(60)
    expect(totals.grossAfterSkontoCents).toBe(2915)
  })

  it('handles 100 % item discount and 100 % offer discount', () => {
    const free = computeOfferTotals({ items: [item({ quantity: 2, unitPriceCents: 5000, discountPercent: 100 })], offerDiscountPercent: 0, skontoPercent: 2 })
    expect(free.lines).toEqual([{ netCents: 0 }])
    expect(free.vat).toEqual([{ rate: 19, baseCents: 0, vatCents: 0 }])
    expect(free.grossCents).toBe(0)

    const allOff = computeOfferTotals({
      items: [item({ unitPriceCents: 12_345, vatRate: 19 }), item({ unitPriceCents: 999, vatRate: 7 })],
      offerDiscountPercent: 100,
      skontoPercent: 3,
    })
    expect(allOff.itemsNetCents).toBe(13_344)
    expect(allOff.offerDiscountCents).toBe(13_344)
    expect(allOff.netCents).toBe(0)
    expect(allOff.vatCents).toBe(0)
    expect(allOff.grossCents).toBe(0)
    expect(allOff.skontoCents).toBe(0)
  })

  it('keeps optional items out of the totals and out of the VAT groups', () => {
    const totals = computeOfferTotals({
      items: [item({ unitPriceCents: 1000, vatRate: 19 }), item({ unitPriceCents: 700, vatRate: 7, optional: true })],
      offerDiscountPercent: 10,
      skontoPercent: 0,
    })
    expect(totals.lines).toEqual([{ netCents: 1000 }, { netCents: 700 }])
    expect(totals.vat.map((v) => v.rate)).toEqual([19])
    expect(totals.itemsNetCents).toBe(1000)
    expect(totals.netCents).toBe(900)
    expect(totals.grossCents).toBe(1071)
    expect(totals.optionalNetCents).toBe(700) // shown without the offer discount
  })

  it('returns zeros and no VAT entries for an empty offer or one with only optional items', () => {
    for (const items of [[], [item({ unitPriceCents: 500, optional: true })]]) {
      const totals = computeOfferTotals({ items, offerDiscountPercent: 5, skontoPercent: 2 })
      expect(totals.vat).toEqual([])
      expect([totals.itemsNetCents, totals.netCents, totals.vatCents, totals.grossCents, totals.skontoCents]).toEqual([0, 0, 0, 0, 0])
    }
  })

  it('orders the VAT entries 19, 7, 0 whatever the item order', () => {
    const totals = computeOfferTotals({
      items: [item({ unitPriceCents: 1, vatRate: 0 }), item({ unitPriceCents: 1, vatRate: 7 }), item({ unitPriceCents: 1, vatRate: 19 })],
      offerDiscountPercent: 0,
      skontoPercent: 0,
    })
    expect(totals.vat.map((v) => v.rate)).toEqual([19, 7, 0])
  })
})

describe('computeOfferTotals: invalid input', () => {
  const totalsWith = (overrides: Partial<OfferItemInput>) => () =>
    computeOfferTotals({ items: [item({ unitPriceCents: 100 }), item(overrides)], offerDiscountPercent: 0, skontoPercent: 0 })

  it.each([
    [{ quantity: -1 }, /items\[1\]\.quantity must be greater than 0/],
    [{ quantity: 0 }, /items\[1\]\.quantity must be greater than 0/],
    [{ quantity: 1.0001 }, /items\[1\]\.quantity may have at most 3 decimals/],
    [{ quantity: Number.NaN }, /items\[1\]\.quantity must be a finite number/],
    [{ quantity: Number.POSITIVE_INFINITY }, /items\[1\]\.quantity must be a finite number/],
    [{ unitPriceCents: -1 }, /items\[1\]\.unitPriceCents must not be negative/],
    [{ unitPriceCents: 1.5 }, /items\[1\]\.unitPriceCents must be a whole number/],
    [{ unitPriceCents: Number.NaN }, /items\[1\]\.unitPriceCents must be a finite number/],
    [{ discountPercent: 100.01 }, /items\[1\]\.discountPercent must be between 0 and 100/],
    [{ discountPercent: -0.5 }, /items\[1\]\.discountPercent must be between 0 and 100/],
    [{ discountPercent: 12.345 }, /items\[1\]\.discountPercent may have at most 2 decimals/],
    [{ vatRate: 16 as VatRate }, /items\[1\]\.vatRate must be one of 19, 7, 0/],
    [{ optional: undefined as unknown as boolean }, /items\[1\]\.optional must be true or false/],
  ])('rejects %o', (overrides, message) => {
    expect(totalsWith(overrides)).toThrow(RangeError)
    expect(totalsWith(overrides)).toThrow(message)
  })

  it('rejects offer discount and Skonto outside 0..100, NaN or with more than 2 decimals', () => {
    const run = (offerDiscountPercent: number, skontoPercent: number) => () =>
      computeOfferTotals({ items: [item({ unitPriceCents: 100 })], offerDiscountPercent, skontoPercent })
    expect(run(101, 0)).toThrow(/offerDiscountPercent must be between 0 and 100/)
    expect(run(-1, 0)).toThrow(RangeError)
    expect(run(Number.NaN, 0)).toThrow(/offerDiscountPercent must be a finite number/)
    expect(run(0, 2.001)).toThrow(/skontoPercent may have at most 2 decimals/)
    expect(run(0, 100.5)).toThrow(/skontoPercent must be between 0 and 100/)
  })

  it('rejects amounts beyond safe integers instead of losing cents', () => {
    expect(() => lineNetCents({ quantity: 1_000_000, unitPriceCents: Number.MAX_SAFE_INTEGER, discountPercent: 0 })).toThrow(RangeError)
    expect(() => lineNetCents({ quantity: 1, unitPriceCents: 2 ** 60, discountPercent: 0 })).toThrow(RangeError)
  })

  it('names the field without an index in lineNetCents', () => {
    expect(() => lineNetCents({ quantity: -2, unitPriceCents: 1, discountPercent: 0 })).toThrow(/^quantity must be greater than 0 \(got -2\)$/)
  })
})

describe('computeOfferTotals: properties', () => {
  const itemArb: fc.Arbitrary<OfferItemInput> = fc.record({
    quantity: fc.integer({ min: 1, max: 10_000_000 }).map((milli) => milli / 1000),
    unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
    discountPercent: fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100),
    vatRate: fc.constantFrom(...VAT_RATES),
    optional: fc.boolean(),
  })
  const percentArb = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100)
  const inputArb = fc.record({ items: fc.array(itemArb, { maxLength: 25 }), offerDiscountPercent: percentArb, skontoPercent: percentArb })

  it('does not drift by a cent whatever the item order', () => {
    fc.assert(fc.property(
      inputArb.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input.items, { minLength: input.items.length, maxLength: input.items.length }))),
      ([input, shuffled]) => {
        const a = computeOfferTotals(input)
        const b = computeOfferTotals({ ...input, items: shuffled })
        expect(totalsOnly(b)).toEqual(totalsOnly(a))
        expect(b.lines.map((l) => l.netCents).sort((x, y) => x - y)).toEqual(a.lines.map((l) => l.netCents).sort((x, y) => x - y))
      },
    ))
  })

  it('keeps the totals consistent: gross = net + VAT, VAT entries add up, bases add up to net', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const t = computeOfferTotals(input)
      expect(t.grossCents).toBe(t.netCents + t.vatCents)
      expect(t.netCents).toBe(t.itemsNetCents - t.offerDiscountCents)
      expect(t.vat.reduce((sum, v) => sum + v.vatCents, 0)).toBe(t.vatCents)
      expect(t.vat.reduce((sum, v) => sum + v.baseCents, 0)).toBe(t.netCents)
      expect(t.grossAfterSkontoCents).toBe(t.grossCents - t.skontoCents)
      expect(t.lines).toEqual(input.items.map((i) => ({ netCents: lineNetCents(i) })))
      expect(t.itemsNetCents).toBe(input.items.filter((i) => !i.optional).reduce((sum, i) => sum + lineNetCents(i), 0))
      expect(t.optionalNetCents).toBe(input.items.filter((i) => i.optional).reduce((sum, i) => sum + lineNetCents(i), 0))
      const presentRates = VAT_RATES.filter((rate) => input.items.some((i) => !i.optional && i.vatRate === rate))
      expect(t.vat.map((v) => v.rate)).toEqual(presentRates)
      for (const value of [t.itemsNetCents, t.offerDiscountCents, t.netCents, t.vatCents, t.grossCents, t.skontoCents, t.grossAfterSkontoCents]) {
        expect(Number.isSafeInteger(value) && value >= 0).toBe(true)
      }
    }))
  })

  it('never changes the totals when an optional item is added', () => {
    fc.assert(fc.property(inputArb, itemArb, fc.nat(), (input, extra, at) => {
      const optional = { ...extra, optional: true }
      const position = at % (input.items.length + 1)
      const before = computeOfferTotals(input)
      const after = computeOfferTotals({ ...input, items: [...input.items.slice(0, position), optional, ...input.items.slice(position)] })
      expect({ ...totalsOnly(after), optionalNetCents: 0 }).toEqual({ ...totalsOnly(before), optionalNetCents: 0 })
      expect(after.optionalNetCents).toBe(before.optionalNetCents + lineNetCents(optional))
    }))
  })

  it('leaves the net untouched at offer discount 0', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const t = computeOfferTotals({ ...input, offerDiscountPercent: 0 })
      expect(t.offerDiscountCents).toBe(0)
      expect(t.netCents).toBe(t.itemsNetCents)
    }))
  })
})
