// Turns zod issues into field → i18n-key pairs, the same for the form resolver and the handlers.
import type { z } from 'zod'

const byCode: Record<string, string> = {
  invalid_type: 'errors.required',
  too_small: 'errors.tooShort',
  too_big: 'errors.tooLong',
  invalid_format: 'errors.invalidFormat',
  invalid_value: 'errors.invalidChoice',
}

/** Our schemas carry `errors.*` keys as messages; anything else falls back by issue code. */
export const messageKey = (issue: z.core.$ZodIssue): string =>
  issue.message.startsWith('errors.') ? issue.message : (byCode[issue.code] ?? 'errors.invalid')

export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    fields[path] ??= messageKey(issue)
  }
  return fields
}
