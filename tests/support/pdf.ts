import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * How many pages pdf-parse (PDF.js) finds in `pdf`. It runs in a plain node process: PDF.js loads its worker with a
 * dynamic import, which jest's module sandbox does not allow.
 */
export async function pdfPageCount(pdf: Buffer): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'oth-pdf-'))
  try {
    const file = join(dir, 'document.pdf')
    writeFileSync(file, pdf)
    const script =
      "const { PDFParse } = require('pdf-parse');" +
      'new PDFParse({ data: require("fs").readFileSync(process.argv[1]) }).getInfo()' +
      '.then((info) => console.log(info.total))'
    const { stdout } = await run(process.execPath, ['-e', script, file], { cwd: __dirname })
    return Number(stdout.trim())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
