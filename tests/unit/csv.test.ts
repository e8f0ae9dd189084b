// CSV as German spreadsheets write it (price-list import): quoting, BOM, line ends, empty lines,
// the separator guess, decimal commas; and a round trip of generated files through the parser.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, parseGermanCents, parseGermanNumber } from '../../shared/modules/offers/csv'

describe('parseCsv', () => {
  it('reads a German price list: `;` separated, decimal commas, header names trimmed', () => {
    expect(parseCsv('Artikelnummer; Bezeichnung ;Preis\nPS-200;Prüfstand PS-200;1.499,99\nBU-1;Fachbuch;49,90\n')).toEqual({
      header: ['Artikelnummer', 'Bezeichnung', 'Preis'],
      rows: [['PS-200', 'Prüfstand PS-200', '1.499,99'], ['BU-1', 'Fachbuch', '49,90']],
    })
  })

  it('keeps `;`, line breaks and doubled quotes inside quoted fields', () => {
    const csv = 'SKU;Name;Beschreibung\nA-1;"Ventil; groß";"Zeile 1\nZeile 2"\nA-2;"Das ""Original""";"a;b\n\nc"\n'
    expect(parseCsv(csv).rows).toEqual([
      ['A-1', 'Ventil; groß', 'Zeile 1\nZeile 2'],
      ['A-2', 'Das "Original"', 'a;b\n\nc'],
    ])
  })

  it('drops a UTF-8 BOM, so the first column keeps its name', () => {
    const { header } = parseCsv('\uFEFFArtikelnummer;Preis\r\nA-1;1,00\r\n')
    expect(header).toEqual(['Artikelnummer', 'Preis'])
    expect(header[0]!.charCodeAt(0)).toBe('A'.charCodeAt(0))
  })

  it('reads CRLF, LF and CR line ends, also mixed, and turns CRLF inside quotes into LF', () => {
    const expected = [['A-1', '1,00'], ['A-2', '2,00'], ['A-3', '3,00']]
    expect(parseCsv('SKU;Preis\r\nA-1;1,00\r\nA-2;2,00\r\nA-3;3,00\r\n').rows).toEqual(expected)
    expect(parseCsv('SKU;Preis\rA-1;1,00\rA-2;2,00\rA-3;3,00').rows).toEqual(expected)
    expect(parseCsv('SKU;Preis\r\nA-1;1,00\nA-2;2,00\rA-3;3,00').rows).toEqual(expected)
    expect(parseCsv('SKU;Text\r\nA-1;"eins\r\nzwei"\r\n').rows).toEqual([['A-1', 'eins\nzwei']])
  })

  it('skips empty lines, lines of blanks and lines of bare separators anywhere, but not empty cells', () => {
    const csv = '\n\r\nSKU;Name;Preis\r\n\r\nA-1;;1,00\n   \n;;\n ; ; \nA-2;Zwei;\n\n\n'
    expect(parseCsv(csv)).toEqual({ header: ['SKU', 'Name', 'Preis'], rows: [['A-1', '', '1,00'], ['A-2', 'Zwei', '']] })
  })

  it('keeps a row with fewer or more cells as it is (the import reports what is missing)', () => {
    expect(parseCsv('A;B;C\n1;2\n1;2;3;4\n').rows).toEqual([['1', '2'], ['1', '2', '3', '4']])
  })

  it('guesses the separator from the header line: `;` beats `,`, then tab, then `,`', () => {
    expect(parseCsv('SKU;Name, lang;Preis\nA;B, c;1,5').rows).toEqual([['A', 'B, c', '1,5']])
    expect(parseCsv('SKU,Name,Preis\nA,B,"1,5"').rows).toEqual([['A', 'B', '1,5']])
    expect(parseCsv('SKU\tName\tPreis\nA\tB; c\t1,5').rows).toEqual([['A', 'B; c', '1,5']])
    expect(parseCsv('SKU\nA\nB').rows).toEqual([['A'], ['B']])
  })

  it('reads a last line without a line end, and nothing from empty text', () => {
    expect(parseCsv('SKU;Preis\nA-1;1,00').rows).toEqual([['A-1', '1,00']])
    expect(parseCsv('')).toEqual({ header: [], rows: [] })
    expect(parseCsv('\uFEFF\r\n\r\n')).toEqual({ header: [], rows: [] })
  })

  it('gives its best reading of a stray quote instead of throwing', () => {
    expect(() => parseCsv('SKU;Name\nA-1;"offen\nA-2;zu\n')).not.toThrow()
    expect(parseCsv('SKU;Name\nA-1;Zoll 3"\n').rows).toEqual([['A-1', 'Zoll 3"']])
  })

  it('round-trips generated files: any cell text, `;` separated, quoted where needed, LF or CRLF, with or without BOM', () => {
    const headerCell = fc.stringMatching(/^[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß ]{0,11}$/)
    const cell = fc.stringMatching(/^[A-Za-z0-9äöüß €.,;"\n-]{0,12}$/)
    const quote = (value: string) => (/[;"\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value)
    const file = fc.integer({ min: 2, max: 5 }).chain((columns) => fc.record({
      header: fc.array(headerCell, { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
      lineEnd: fc.constantFrom('\n', '\r\n'),
      bom: fc.boolean(),
      finalLineEnd: fc.boolean(),
    }))
    fc.assert(fc.property(file, ({ header, rows, lineEnd, bom, finalLineEnd }) => {
      const text = (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map(quote).join(';')).join(lineEnd) + (finalLineEnd ? lineEnd : '')
      const parsed = parseCsv(text)
      expect(parsed.header).toEqual(header.map((h) => h.trim()))
      expect(parsed.rows).toEqual(rows.filter((r) => r.some((c) => c.trim() !== '')))
    }))
  })
})

describe('parseGermanNumber', () => {
  it.each([
    ['1.234,56', 1234.56], ['1234,56', 1234.56], ['1234.56', 1234.56], ['12', 12], ['-3,5', -3.5],
    ['1.499,99 €', 1499.99], [' 49,90 ', 49.9], ['1.000.000', 1_000_000], ['1.23', 1.23],
  ])('%s → %d', (text, value) => {
    expect(parseGermanNumber(text)).toBe(value)
  })

  it.each(['', 'abc', '1,2,3', '12.34,5', '€'])('%j → NaN', (text) => {
    expect(parseGermanNumber(text)).toBeNaN()
  })
})

describe('parseGermanCents', () => {
  it.each([
    ['1.234,56', 123_456], ['1234,56', 123_456], ['1234.56', 123_456], ['12', 1_200], ['1.499,99 €', 149_999], [' 49,90 ', 4_990],
    ['1.000.000', 100_000_000], ['1.23', 123], ['1.234', 123_400], ['0,05', 5], ['-3,5', -350], ['1250,50', 125_050],
    // Read as digits, not through a float (0.29 × 100 is 28.999999999999996, 4.35 × 100 is 434.99999999999994), up to the largest safe amount.
    ['0,29', 29], ['4,35', 435], ['1,15', 115], ['90.071.992.547.409,91', Number.MAX_SAFE_INTEGER],
  ])('%s → %d cents', (text, cents) => {
    expect(parseGermanCents(text)).toBe(cents)
  })

  it.each(['', 'abc', '1,2,3', '12.34,5', '€', '12,345', '1,234.56', '99999999999999999999'])('%j → null', (text) => {
    expect(parseGermanCents(text)).toBeNull()
  })
})
