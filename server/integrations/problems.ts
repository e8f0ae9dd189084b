// A refused intake body as the endpoints answer it (422): one problem per field, the first the schema found, as
// the field's dotted path and the schema's error key. Only paths and keys: the refused values (names, addresses)
// are never echoed or logged.
import type { z } from 'zod'

export interface FieldProblem {
  /** The field's path in the body, dotted (`person.email`, `events.2.points`); `(body)` for the body itself. */
  field: string
  /** The schema's error key (`errors.leadUnreachable`, `errors.notNegative`, …), else `errors.invalid`. */
  problem: string
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const problems = new Map<string, string>()
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '(body)'
    if (!problems.has(field)) problems.set(field, issue.message.startsWith('errors.') ? issue.message : 'errors.invalid')
  }
  return [...problems].map(([field, problem]) => ({ field, problem }))
}
