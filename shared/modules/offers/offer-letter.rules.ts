// How the offer letter's introduction reads what the rep noted in the pre-offer conversation: a field
// holds one point per line (or points separated by ";", or a bulleted list), so the letter lists them
// the way a person writes ("A, B und C" / "A, B and C") inside whole sentences, never the notes glued
// together with their own punctuation ("…; Schulungsaufwand. – nehmen wir ernst").

/** The points of a conversation note: one per line or between semicolons, without bullets or closing punctuation. */
export function notePoints(note: string): string[] {
  return note
    .split(/\r?\n|;/)
    .map((p) => p.trim().replace(/^(?:[-–—•*·]|\d+[.)])\s*/, '').replace(/[\s.,;:!]+$/, '').trim())
    .filter(Boolean)
}

const LIST_LOCALE = { de: 'de-DE', en: 'en-GB' } as const

/** Points joined as a list in prose: "A", "A und B", "A, B und C" (English: "A, B and C"). */
export function joinPoints(points: string[], language: 'de' | 'en'): string {
  return new Intl.ListFormat(LIST_LOCALE[language], { style: 'long', type: 'conjunction' }).format(points)
}
