import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Runs `script` on `pdf` with pdf-parse (PDF.js) in a plain node process: PDF.js loads its worker with a dynamic
 * import, which jest's module sandbox does not allow. The script finds the PDF's path in `file` and may write the
 * files named in `outputs` into `dir`; its answer comes back through JSON, with those files' bytes.
 */
async function withPdfParse<T>(pdf: Buffer, script: string, outputs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'oth-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const program =
      "const { PDFParse } = require('pdf-parse'); const fs = require('fs');" +
      'const [file, dir] = process.argv.slice(1);' +
      'const parser = new PDFParse({ data: fs.readFileSync(file) });' +
      `(async () => { ${script} })().then((answer) => console.log(JSON.stringify(answer)))`
    const { stdout } = await run(process.execPath, ['-e', program, file, dir], { cwd: __dirname })
    const files = Object.fromEntries(outputs.map((name) => [name, readFileSync(join(dir, name))]))
    return { answer: JSON.parse(stdout) as T, files }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** How many pages pdf-parse finds in `pdf`. */
export const pdfPageCount = async (pdf: Buffer) =>
  (await withPdfParse<number>(pdf, 'return (await parser.getInfo()).total')).answer

/** The text PDF.js finds in `pdf`, its page count, and its first page drawn as PNG (2 px per point) to look at. */
export async function readPdf(pdf: Buffer) {
  const { answer, files } = await withPdfParse<{ pages: number; text: string }>(
    pdf,
    'const text = await parser.getText();' +
      'const shot = await parser.getScreenshot({ scale: 2, partial: [1] });' +
      "fs.writeFileSync(dir + '/page.png', Buffer.from(shot.pages[0].data));" +
      'return { pages: text.total, text: text.text }',
    ['page.png'],
  )
  return { ...answer, firstPage: files['page.png']! }
}
