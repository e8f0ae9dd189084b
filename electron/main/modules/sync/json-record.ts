// Quarantined rows are kept as the JSON text that arrived: read back as a record without trusting its shape.

/** The object's entries (anything else that is valid JSON reads as no entries), or null when the text is not JSON. */
export function parseRecord(text: string): Record<string, unknown> | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {}
}
