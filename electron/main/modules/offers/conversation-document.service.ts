// The conversation confirmation (Gesprächsbestätigung) as a document: being written (waits for the letter model).
import { AppError } from '../../../../shared/platform/result'
import type { ServiceContext } from '../../platform/context'

export async function conversationDocument(_ctx: ServiceContext, _input: { id: string; format?: 'docx' | 'pdf' }, _documentsDir: string): Promise<{ fileName: string; base64: string; warnings: string[]; savedPath: string }> {
  throw new AppError('conflict', 'errors.internal')
}

export async function conversationPdf(_ctx: ServiceContext, _input: { id: string }): Promise<{ fileName: string; buffer: Buffer }> {
  throw new AppError('conflict', 'errors.internal')
}
