// Files (issue 18): the type is taken from the content, never the name; a blob's place derives from its SHA-256
// alone; display names cannot name a path; previews only for what a browser draws.
import { describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { blobRelativePath, displayName, isSha256, mimeLabel, previewKind, sniffFile } from '../../shared/modules/files'
import { blobPath } from '../../electron/main/modules/files/blob-store'
import { photo, pdf, program } from '../helpers/files-fixture'

const SHA = 'a'.repeat(64)

describe('sniffing a file by its content', () => {
  it('takes photos, PDFs, Office documents and e-mails whatever they are called', async () => {
    expect(await sniffFile(photo(), 'bild.txt')).toEqual({ ok: true, mime: 'image/png' })
    expect(await sniffFile(pdf(), 'scan')).toEqual({ ok: true, mime: 'application/pdf' })
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Preise').addRow(['Artikel', 12.5])
    const xlsx = Buffer.from(await book.xlsx.writeBuffer())
    expect(await sniffFile(xlsx, 'preise.pdf')).toEqual({ ok: true, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    const eml = Buffer.from('From: Anna Becker <anna@example.de>\r\nTo: info@werft.de\r\nSubject: Angebot\r\nDate: Mon, 30 Nov 2026 10:00:00 +0100\r\n\r\nHallo,\r\n')
    expect(await sniffFile(eml, 'mail.eml')).toEqual({ ok: true, mime: 'message/rfc822' })
    expect(await sniffFile(Buffer.from('Name;Ort\nWeserwerft;Bremen\n'), 'liste.csv')).toEqual({ ok: true, mime: 'text/plain' })
  })

  it('tells an Outlook message from another OLE file by its name only after the content says OLE', async () => {
    const ole = Buffer.alloc(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0)
    const result = await sniffFile(ole, 'Rückruf.msg')
    expect(result).toEqual({ ok: true, mime: 'application/vnd.ms-outlook' })
    expect(await sniffFile(ole, 'alt.doc')).toEqual({ ok: true, mime: 'application/x-cfb' })
  })

  it('refuses empty files, programs renamed to anything, scripts and unknown binary data', async () => {
    expect(await sniffFile(Buffer.alloc(0), 'leer.pdf')).toEqual({ ok: false, reason: 'empty' })
    expect(await sniffFile(program(), 'rechnung.pdf')).toEqual({ ok: false, reason: 'executable' })
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)])
    expect(await sniffFile(elf, 'foto.jpg')).toEqual({ ok: false, reason: 'executable' })
    expect(await sniffFile(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'notiz.txt')).toEqual({ ok: false, reason: 'executable' })
    expect(await sniffFile(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x10, 0x11]), 'daten.pdf')).toEqual({ ok: false, reason: 'type' })
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex')
    expect((await sniffFile(zip, 'archiv.docx')).ok).toBe(false)
  })
})

describe('where a blob lies', () => {
  it('is derived from 64 lower-case hex digits only', () => {
    expect(blobRelativePath(SHA)).toEqual(['aa', SHA])
    expect(blobPath('/daten/Anhaenge', SHA)).toBe(`/daten/Anhaenge/aa/${SHA}`)
    for (const bad of ['../../etc/passwd', SHA.toUpperCase(), SHA.slice(1), `${SHA}/x`, `aa/${SHA.slice(3)}`, '']) {
      expect(isSha256(bad)).toBe(false)
      expect(() => blobRelativePath(bad)).toThrow()
    }
  })
})

describe('display names and previews', () => {
  it('keeps the last segment of a name, without control or reserved characters', () => {
    expect(displayName('C:\\Users\\anna\\Desktop\\Halle 3.png')).toBe('Halle 3.png')
    expect(displayName('../../geheim.pdf')).toBe('geheim.pdf')
    expect(displayName('a\u0000b<c>.pdf')).toBe('a_b_c_.pdf')
    expect(displayName('...')).toBe('Datei')
    expect(Array.from(displayName('ä'.repeat(500)))).toHaveLength(200)
  })

  it('previews pictures a browser draws and PDFs; names other types', () => {
    expect(previewKind('image/jpeg')).toBe('image')
    expect(previewKind('image/heic')).toBe('none')
    expect(previewKind('application/pdf')).toBe('pdf')
    expect(previewKind('message/rfc822')).toBe('none')
    expect(mimeLabel('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('Word')
  })
})
