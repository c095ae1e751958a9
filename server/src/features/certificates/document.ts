import type { Font } from 'fontkit'
import PDFDocument from 'pdfkit'
import { fontChain, fontRuns, openForPdf, type Weight } from '../../shared/fonts.js'
import { QUIET_ZONE, qrModules } from '../../shared/qr-code.js'
import { shanghaiDate } from '../../shared/values/shanghai-clock.js'
import type { CertificateRecord } from './queries.js'

const RED = '#B71C1C'
const INK = '#3E2723'
const MUTED = '#6D4C41'
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = 60
const TEXT_WIDTH = PAGE.width - 2 * MARGIN

/** The public check of a certificate, which its QR code opens: the JSON answer of GET /api/certificates/{serial}. */
export const checkAddress = (publicBase: string, serial: string) =>
  `${publicBase.replace(/\/+$/, '')}/api/certificates/${encodeURIComponent(serial)}`

const fontsFor: Record<Weight, ((codePoint: number) => Font) | undefined> = { 400: undefined, 700: undefined }
const pickFont = (weight: Weight) => (fontsFor[weight] ??= fontChain(weight, openForPdf))
/** pdfkit keeps one embedded subset per name in a document: one name per opened font. */
const fontNames = new Map<Font, string>()
const nameOf = (font: Font) => {
  if (!fontNames.has(font)) fontNames.set(font, `NotoSansSC-${fontNames.size + 1}`)
  return fontNames.get(font)!
}

interface Style {
  size: number
  weight: Weight
  color: string
  width?: number
  align?: 'left' | 'center' | 'right'
  lineGap?: number
}

/** `text` at (x, y), wrapped to `width`, each run in the font that has its characters (a rare one in a name too). */
function write(doc: PDFKit.PDFDocument, text: string, x: number, y: number, style: Style) {
  const runs = fontRuns(text, pickFont(style.weight))
  doc.fillColor(style.color)
  runs.forEach((run, index) => {
    // pdfkit embeds a fontkit font it is handed as it is (its types only list files): opened once per process.
    doc.font(run.font as unknown as Buffer, nameOf(run.font), style.size)
    const options = {
      width: style.width,
      align: style.align,
      lineGap: style.lineGap,
      continued: index < runs.length - 1,
    }
    if (index === 0) doc.text(run.text, x, y, options)
    else doc.text(run.text, options)
  })
}

/** The code's dark modules as filled squares inside a white box with its quiet zone. */
function drawQr(doc: PDFKit.PDFDocument, text: string, left: number, top: number, box: number) {
  const modules = qrModules(text)
  const unit = box / (modules.length + 2 * QUIET_ZONE)
  doc.rect(left, top, box, box).fill('#FFFFFF')
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) doc.rect(left + (QUIET_ZONE + x) * unit, top + (QUIET_ZONE + y) * unit, unit, unit)
    }),
  )
  doc.fill('#000000')
}

const zhDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return `${year}年${month}月${day}日`
}
const hoursText = (hours: number) => String(Math.round(hours * 100) / 100)

/**
 * A certificate of volunteer service (志愿服务证明) as one A4 page: who (full name, work unit), where (their community),
 * the period, the confirmed hours and how many activities and wishes they come from, the issuing community and date,
 * the serial, and a QR code of the public check. Text is real text in an embedded subset of Noto Sans SC, so it can
 * be searched, copied and read aloud.
 */
export function renderCertificate(certificate: CertificateRecord, publicBase: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    info: {
      Title: `志愿服务证明 Certificate of Volunteer Service ${certificate.serial}`,
      Author: '古城红驿 Old Town Hub',
    },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const { realName, workUnit, communityName, from, to, serial } = certificate
  const hours = hoursText(certificate.hours)
  doc.rect(0, 0, PAGE.width, 120).fill(RED)
  write(doc, '志愿服务证明', MARGIN, 34, { size: 32, weight: 700, color: '#FFFFFF' })
  write(doc, 'Certificate of Volunteer Service', MARGIN, 80, { size: 14, weight: 400, color: '#FFE9E6' })

  const body = { size: 15, weight: 400 as const, color: INK, width: TEXT_WIDTH, lineGap: 8 }
  write(
    doc,
    `兹证明 ${realName} 同志（${workUnit}）于 ${zhDate(from)} 至 ${zhDate(to)} 期间，在${communityName}参加志愿服务，` +
      `经确认累计服务 ${hours} 小时，参加志愿服务活动 ${certificate.activities} 次，完成微心愿 ${certificate.wishes} 个。`,
    MARGIN,
    170,
    body,
  )
  write(
    doc,
    `This certifies that ${realName} (${workUnit}) served as a volunteer with ${communityName} from ${from} to ${to}: ` +
      `${hours} confirmed hours, ${certificate.activities} volunteer activities, ${certificate.wishes} wishes fulfilled.`,
    MARGIN,
    doc.y + 14,
    { ...body, size: 11, color: MUTED, lineGap: 4 },
  )

  const rows: [string, string][] = [
    ['姓名 Full name', realName],
    ['工作单位 Work unit', workUnit],
    ['报到社区 Community', communityName],
    ['服务期间 Period', `${from} 至 ${to}`],
    ['服务时长 Hours', `${hours} 小时 hours`],
    ['志愿服务活动 Activities', `${certificate.activities} 次`],
    ['完成微心愿 Wishes fulfilled', `${certificate.wishes} 个`],
  ]
  let y = Math.max(doc.y + 36, 330)
  for (const [label, value] of rows) {
    doc
      .moveTo(MARGIN, y - 8)
      .lineTo(PAGE.width - MARGIN, y - 8)
      .lineWidth(0.5)
      .stroke('#D7CCC8')
    write(doc, label, MARGIN, y, { size: 12, weight: 400, color: MUTED, width: 180 })
    write(doc, value, MARGIN + 190, y - 2, { size: 14, weight: 700, color: INK, width: TEXT_WIDTH - 190 })
    y = Math.max(doc.y, y + 20) + 18
  }

  const footTop = PAGE.height - 230
  const box = 132
  const issued = shanghaiDate(new Date(certificate.issuedAt))
  write(doc, `出具单位 Issued by：${communityName}`, MARGIN, footTop, { size: 13, weight: 700, color: INK, width: 320 })
  write(doc, '古城红驿 · Old Town Hub', MARGIN, doc.y + 6, { size: 11, weight: 400, color: MUTED })
  write(doc, `出具日期 Date：${zhDate(issued)}`, MARGIN, doc.y + 16, { size: 12, weight: 400, color: INK })
  write(doc, `证书编号 Serial：${serial}`, MARGIN, doc.y + 8, { size: 12, weight: 400, color: INK })
  const address = checkAddress(publicBase, serial)
  const qrLeft = PAGE.width - MARGIN - box
  drawQr(doc, address, qrLeft, footTop - 12, box)
  write(doc, '扫码核验 Scan to verify', qrLeft, footTop + box - 4, {
    size: 10,
    weight: 400,
    color: MUTED,
    width: box,
    align: 'center',
  })
  write(doc, `核验地址 Check：${address}`, MARGIN, PAGE.height - 50, {
    size: 8,
    weight: 400,
    color: MUTED,
    width: TEXT_WIDTH,
  })
  doc.end()
  return done
}
