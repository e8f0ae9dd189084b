// The one money formatter, the parser for typed amounts and the cents field of every channel
// (shared/platform/money.ts).
import { describe, expect, it } from 'vitest'
import { formatCents, formatMoneyInput, parseMoneyInput } from '../../shared/platform/money'

describe('formatCents', () => {
  it('shows German amounts as 1.234,56 € and English ones as €1,234.56 (as the app does today)', () => {
    expect(formatCents(123_456, 'de')).toBe('1.234,56\u00a0€')
    expect(formatCents(123_456, 'en')).toBe('€1,234.56')
    expect(formatCents(0, 'de')).toBe('0,00\u00a0€')
    expect(formatCents(0, 'en')).toBe('€0.00')
    expect(formatCents(5, 'en')).toBe('€0.05')
    expect(formatCents(-5, 'de')).toBe('-0,05\u00a0€')
    expect(formatCents(-123_456, 'en')).toBe('-€1,234.56')
  })

  it('formats the largest safe amounts exactly', () => {
    expect(formatCents(Number.MAX_SAFE_INTEGER, 'de')).toBe('90.071.992.547.409,91\u00a0€')
    expect(formatCents(Number.MAX_SAFE_INTEGER, 'en')).toBe('€90,071,992,547,409.91')
  })

  it('rejects fractional cents', () => {
    expect(() => formatCents(1.5, 'de')).toThrow(RangeError)
    expect(() => formatCents(Number.NaN, 'en')).toThrow(RangeError)
  })
})

describe('parseMoneyInput', () => {
  it.each([
    ['1.234,56', 123_456],
    ['1250,50', 125_050],
    ['1250,5', 125_050],
    ['1250', 125_000],
    ['1.234', 123_400],
    ['1.234.567', 123_456_700],
    ['1.234.567,89', 123_456_789],
    ['1250.50', 125_050],
    ['12.5', 1_250],
    [',50', 50],
    ['0,05', 5],
    ['12,', 1_200],
    [' 1 234,56 € ', 123_456],
    ['1.234,56\u00a0€', 123_456],
    ['EUR 99,90', 9_990],
    ['-12,50', -1_250],
    ['0', 0],
  ])('German: %j → %d cents', (text, cents) => {
    expect(parseMoneyInput(text, 'de')).toBe(cents)
  })

  it.each([
    ['1,234.56', 123_456],
    ['1250.50', 125_050],
    ['1250', 125_000],
    ['1,234', 123_400],
    ['1,234,567.8', 123_456_780],
    ['12,5', 1_250],
    ['1250,50', 125_050],
    ['€1,234.56', 123_456],
    ['-€3.10', -310],
  ])('English: %j → %d cents', (text, cents) => {
    expect(parseMoneyInput(text, 'en')).toBe(cents)
  })

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['abc', 'no number'],
    ['12a', 'letters'],
    ['1,234', 'three decimals in German (1,234 is not a cent amount)'],
    ['1,2,3', 'two decimal commas'],
    ['12.34,56', 'thousands group of two digits'],
    ['1234.567', 'a first group of four digits'],
    ['0.500', 'a thousands group after a leading zero'],
    ['1.2345', 'four digits after a single dot'],
    ['1,234.56', 'English format in German'],
    ['.', 'a separator alone'],
    ['99999999999999999999', 'beyond safe integers'],
  ])('German refuses %j (%s)', (text) => {
    expect(parseMoneyInput(text, 'de')).toBeNull()
  })

  it('refuses German format in English and three decimals', () => {
    expect(parseMoneyInput('1.234,56', 'en')).toBeNull()
    expect(parseMoneyInput('1.234', 'en')).toBeNull()
  })

  it('reads back what formatMoneyInput and formatCents write, in both languages', () => {
    for (const cents of [0, 5, 50, 1_250, 123_456, 1_200_000, 149_999, 123_456_789]) {
      for (const language of ['de', 'en'] as const) {
        expect(parseMoneyInput(formatMoneyInput(cents, language), language)).toBe(cents)
        expect(parseMoneyInput(formatCents(cents, language), language)).toBe(cents)
      }
    }
  })
})

describe('formatMoneyInput', () => {
  it('writes amounts as typed: no grouping, decimals only with cents', () => {
    expect(formatMoneyInput(1_200_000, 'de')).toBe('12000')
    expect(formatMoneyInput(149_999, 'de')).toBe('1499,99')
    expect(formatMoneyInput(1_250, 'de')).toBe('12,50')
    expect(formatMoneyInput(149_999, 'en')).toBe('1499.99')
    expect(formatMoneyInput(-5, 'de')).toBe('-0,05')
    expect(formatMoneyInput(Number.NaN, 'de')).toBe('')
  })
})
