/// <reference types="vite/client" />
// The first page of a PDF drawn into a canvas with pdf.js, with the page count, while it loads and when it
// cannot be shown (the offer page's letter preview). pdf.js and its worker load on first use; Vite bundles
// the worker from the pdfjs-dist package as a script of the app, so the strict CSP holds (scripts and
// workers from 'self' only), and pdf.js is told not to compile fonts with eval, which the CSP forbids.
// Generic: the caller gives the texts.
import { useEffect, useRef, useState } from 'react'

type PdfJs = typeof import('pdfjs-dist')

interface Loaded {
  lib: PdfJs
  /** The worker script as a constructor: each preview runs its own worker, so one left early never breaks the next. */
  Worker: new () => Worker
}

let pdfJs: Promise<Loaded> | null = null

/** pdf.js and its worker script, loaded once per window (a failed load is tried again next time). */
function loadPdfJs(): Promise<Loaded> {
  pdfJs ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(([lib, worker]) => ({ lib, Worker: worker.default })).catch((err: unknown) => {
    pdfJs = null
    throw err
  })
  return pdfJs
}

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

export interface PdfPreviewTexts {
  /** The picture's accessible name ("Vorschau der ersten Seite"). */
  label: string
  /** "1 von 3 Seiten". */
  pages: (count: number) => string
  loading: string
  failed: string
}

type Shown = { base64: string; pages: number } | { base64: string; failed: true }

/**
 * Page 1 of `base64` (a PDF), `width` CSS pixels wide. `base64` is null while the PDF is being made;
 * `failed` says it could not be made.
 */
export function PdfPreview({ base64, failed = false, texts, width = 360 }: { base64: string | null; failed?: boolean; texts: PdfPreviewTexts; width?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [shown, setShown] = useState<Shown | null>(null)

  useEffect(() => {
    if (!base64) return
    let live = true
    let stop = () => {}
    void (async () => {
      try {
        const { lib, Worker } = await loadPdfJs()
        const port = new Worker()
        const worker = lib.PDFWorker.create({ port })
        const task = lib.getDocument({ data: bytesOf(base64), worker, isEvalSupported: false, verbosity: lib.VerbosityLevel.ERRORS })
        // A preview left before its PDF loaded (the page closed, a new revision): pdf.js rejects the loading
        // with "Loading aborted", which is expected and must not surface as an unhandled rejection.
        task.promise.catch(() => {})
        stop = () => void task.destroy().catch(() => {}).finally(() => {
          worker.destroy()
          port.terminate()
        })
        if (!live) return stop()
        const pdf = await task.promise
        const page = await pdf.getPage(1)
        const target = canvas.current
        if (!live || !target) return
        // Sharp on high-density screens: as many canvas pixels as device pixels.
        const viewport = page.getViewport({ scale: (width * (window.devicePixelRatio || 1)) / page.getViewport({ scale: 1 }).width })
        target.width = Math.floor(viewport.width)
        target.height = Math.floor(viewport.height)
        await page.render({ canvas: target, viewport }).promise
        if (live) setShown({ base64, pages: pdf.numPages })
      } catch {
        if (live) setShown({ base64, failed: true })
      }
    })()
    return () => {
      live = false
      stop()
    }
  }, [base64, width])

  const current = shown && shown.base64 === base64 ? shown : null
  const broken = failed || (current !== null && 'failed' in current)
  const pages = current && 'pages' in current ? current.pages : null
  return (
    <figure className="pdf-preview">
      <canvas
        ref={canvas}
        role="img"
        aria-label={texts.label}
        hidden={broken || pages === null}
        className="pdf-preview__page" style={{ maxWidth: width }}
      />
      <figcaption className="muted small">
        {broken ? <span role="alert">{texts.failed}</span> : pages !== null ? texts.pages(pages) : <span role="status">{texts.loading}</span>}
      </figcaption>
    </figure>
  )
}
