import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { ApiError, errors } from '../../shared/errors.js'

/** What an .xlsx of 5,000 rows of any kind inflates to is a few MB; past this it is a zip bomb, not a sheet. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024
/** A workbook is a dozen or so parts; thousands of entries are a bomb of another shape. */
const MAX_ENTRIES = 500
/** Inflated a slice at a time, so one push can grow by at most ~1,000 times this before the count is looked at. */
const SLICE_BYTES = 16 * 1024

const inflatesTooFar = () =>
  new ApiError(
    413,
    'PAYLOAD_TOO_LARGE',
    '文件解压后过大，不像是正常的表格',
    'The file inflates far beyond any sheet; it is not accepted',
  )

/**
 * Refuses an .xlsx (a zip) that would inflate past MAX_INFLATED_BYTES before exceljs opens it: first by the sizes its
 * central directory declares (nothing inflated), then by inflating it once in small slices and counting, since a
 * header may lie. fflate (pdfkit's inflater) does the reading. 415 when it is not a zip at all.
 */
export function assertBoundedZip(file: Buffer): void {
  let declared = 0
  let entries = 0
  try {
    unzipSync(file, {
      filter: (info) => {
        declared += info.originalSize
        entries += 1
        return false
      },
    })
  } catch {
    throw errors.notASpreadsheet()
  }
  if (entries === 0) throw errors.notASpreadsheet()
  if (declared > MAX_INFLATED_BYTES || entries > MAX_ENTRIES) throw inflatesTooFar()

  const read = { inflated: 0, broken: false }
  const unzip = new Unzip((entry) => {
    entry.ondata = (error, chunk) => {
      if (error) read.broken = true
      else read.inflated += chunk.length
    }
    try {
      entry.start()
    } catch {
      read.broken = true
    }
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < file.length && read.inflated <= MAX_INFLATED_BYTES && !read.broken; at += SLICE_BYTES)
      unzip.push(file.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= file.length)
  } catch {
    throw errors.notASpreadsheet()
  }
  if (read.inflated > MAX_INFLATED_BYTES) throw inflatesTooFar()
  if (read.broken) throw errors.notASpreadsheet()
}
