import { describe, expect, it } from 'vitest'
import { foldForSort, trigramQuery } from '../../shared/platform/search'

describe('foldForSort', () => {
  it('sorts umlauts as their base letter and ß as ss (DIN 5007-1)', () => {
    expect(foldForSort('Böhm Straße')).toBe('bohm strasse')
    expect(['Brandt', 'Böhm', 'Becker'].sort((a, b) => foldForSort(a).localeCompare(foldForSort(b)))).toEqual(['Becker', 'Böhm', 'Brandt'])
  })
})

describe('trigramQuery', () => {
  it('makes every word a quoted phrase that must occur', () => {
    expect(trigramQuery('  Maschinen  Braun ')).toBe('"Maschinen" "Braun"')
  })
  it('escapes quotes so user input cannot change the query syntax', () => {
    expect(trigramQuery('abc NOT"x*')).toBe('"abc" "NOT""x*"')
    expect(trigramQuery('abc"def')).toBe('"abc""def"')
  })
  it('returns null when a word is shorter than a trigram, so the caller uses a prefix search', () => {
    expect(trigramQuery('Mü')).toBeNull()
    expect(trigramQuery('Müller AG')).toBeNull()
    expect(trigramQuery('')).toBeNull()
  })
})
