// The one shape every channel answers with, so forms can show field errors from any handler.

/** Error codes a caller can act on. Messages and field errors are i18n keys (`errors.*`). */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unknown_channel'
  | 'internal'

export interface AppErrorData {
  code: ErrorCode
  /** An i18n key, e.g. `errors.validation`. */
  message: string
  /** Field path (dot-separated) → i18n key. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData }

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error })

/** Thrown by services for errors a user can cause; the dispatcher turns it into a failed Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export const fieldError = (field: string, key: string): AppError =>
  new AppError('validation', 'errors.validation', { [field]: key })
