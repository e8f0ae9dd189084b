// CSV as German spreadsheets write it: `;` or `,` separated, quoted fields, decimal commas.

/** Parses CSV text; the separator is guessed from the header line (semicolon wins over comma). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const source = text.replace(/^\uFEFF/, '')
  const firstLine = source.split(/\r?\n/, 1)[0] ?? ''
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) && firstLine.includes(';') ? ';' : firstLine.includes('\t') ? '\t' : ','
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      record.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += ch
  }
  if (field !== '' || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  const nonEmpty = records.filter((r) => r.some((c) => c.trim() !== ''))
  const [header = [], ...rows] = nonEmpty
  return { header: header.map((h) => h.trim()), rows }
}

/** "1.234,56", "1234,56", "1234.56", "12" → number; anything else → NaN. */
export function parseGermanNumber(text: string): number {
  const t = text.replace(/[€\s]/g, '')
  if (!t) return Number.NaN
  if (/^-?\d{1,3}(\.\d{3})*(,\d+)?$/.test(t) || /^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'))
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  return Number.NaN
}
