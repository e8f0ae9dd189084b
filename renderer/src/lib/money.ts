// Money in the renderer: the one formatter and the parser for typed amounts are shared with the
// letters (shared/platform/money.ts). Forms keep sending what the IPC contract asks for (euros as a
// number): `centsToEuros` turns the parsed cents into that number, `eurosToCents` turns a number from
// the contract back into cents.
export { formatCents, formatMoneyInput, parseMoneyInput } from '../../../shared/platform/money'

/** Cents from euros given as a number (the contract's float euros), exact for two decimals. */
export function eurosToCents(euros: number): number {
  if (!Number.isFinite(euros)) return Number.NaN
  // "12.345" → "12.345e2" → 1234.5: shifting the decimal text avoids 1.005 * 100 = 100.49999….
  const shifted = Number(`${euros}e2`)
  return Math.round(Number.isFinite(shifted) ? shifted : euros * 100)
}

/** Euros as a number (what the forms send) from cents. */
export const centsToEuros = (cents: number): number => cents / 100
