// Inputs of the file channels: a record by kind and id, a file's bytes as base64 (web mode and IPC alike).
import { z } from 'zod'
import { idSchema } from '../../platform/common.schema'
import { ATTACHMENT_RECORD_KINDS, MAX_NAME } from './files.rules'

export const fileRecordSchema = z.object({
  kind: z.enum(ATTACHMENT_RECORD_KINDS, 'errors.invalid'),
  id: idSchema,
})
export type FileRecordRef = z.infer<typeof fileRecordSchema>

/** A sanity cap on the base64 text (200 MB of bytes); the configured limit is checked on the decoded bytes. */
const MAX_BASE64 = Math.ceil((200 * 1024 * 1024) / 3) * 4

export const fileAttachSchema = fileRecordSchema.extend({
  name: z.string('errors.required').min(1, 'errors.required').max(MAX_NAME * 4, 'errors.tooLong'),
  dataBase64: z.string().max(MAX_BASE64, 'files.error.tooLarge').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'errors.invalid'),
})
export type FileAttachInput = z.infer<typeof fileAttachSchema>

export const fileIdSchema = z.object({ id: idSchema })

export const fileOfflineSchema = fileRecordSchema.extend({ offline: z.boolean() })
