// Search helpers shared by every list: the German sort key and the FTS5 trigram query.

/** Same folding as the `sort_name` columns (DIN 5007-1): umlauts to base letters, ß to ss, lower case. */
export const foldForSort = (value: string): string =>
  value.replace(/[ÄäÖöÜü]/g, (ch) => ({ Ä: 'a', ä: 'a', Ö: 'o', ö: 'o', Ü: 'u', ü: 'u' })[ch] ?? ch).replace(/ß/g, 'ss').toLowerCase()

/**
 * A trigram index finds substrings of three characters or more. Returns the MATCH expression
 * (every word must occur), or null when a word is shorter and a prefix search must be used instead.
 */
export function trigramQuery(search: string): string | null {
  // FTS5 ends a quoted string at a NUL: such a character can never be part of a search.
  const words = search.replaceAll('\u0000', ' ').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0 || words.some((w) => [...w].length < 3)) return null
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ')
}
