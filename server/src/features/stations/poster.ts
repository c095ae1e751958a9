import PDFDocument from 'pdfkit'
import sharp from 'sharp'
import { translate, type Language, type MessageKey } from '../../../../src/shared/i18n.js'
import { drawText, wrapItems, wrapText, type TextStyle } from '../../shared/glyphs.js'
import { QUIET_ZONE } from '../../shared/qr-code.js'
import type { DoorCode } from './door-code.js'
import type { WeeklyHours } from './hours.js'
import type { StationRecord } from './queries.js'

/** A5 portrait (148 × 210 mm) at 213 dpi: sharp enough for a door, small enough to send. */
export const POSTER_SIZE = { width: 1240, height: 1754, dpi: 213 }
const MARGIN = 90
const TEXT_WIDTH = POSTER_SIZE.width - 2 * MARGIN
const RED = '#B71C1C'
const INK = '#3E2723'
const MUTED = '#6D4C41'

const style = (size: number, weight: TextStyle['weight'], fill: string): TextStyle => ({ size, weight, fill })
const zh = (key: MessageKey) => translate('zh', key)
const en = (key: MessageKey) => translate('en', key)
/** A label in both languages, the way the poster names everything: 热水 Hot water (Wi-Fi once). */
const bilingual = (key: MessageKey) => (zh(key) === en(key) ? zh(key) : `${zh(key)} ${en(key)}`)

/** Monday first, as a week is read on a door. The stored week starts on Sunday. */
const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const
const dayLabel = (day: number, language: Language) =>
  translate(language, `weekday.${day}` as `weekday.${0 | 1 | 2 | 3 | 4 | 5 | 6}`)

/** The week in as few lines as it takes: days with the same hours in a row share a line (周一–周五 Mon–Fri 08:30–21:00). */
export function hoursLines(hours: WeeklyHours): string[] {
  const rangesOf = (day: number) => {
    const ranges = hours.weekly[day] ?? []
    return ranges.length ? ranges.map(([from, to]) => `${from}–${to}`).join(', ') : bilingual('staff.closed')
  }
  const groups: { first: number; last: number; text: string }[] = []
  for (const day of WEEK_FROM_MONDAY) {
    const text = rangesOf(day)
    const previous = groups.at(-1)
    if (previous?.text === text) previous.last = day
    else groups.push({ first: day, last: day, text })
  }
  if (groups.length === 1) return [`${bilingual('poster.daily')}  ${groups[0]!.text}`]
  return groups.map(({ first, last, text }) => {
    const span = (language: Language) =>
      first === last ? dayLabel(first, language) : `${dayLabel(first, language)}–${dayLabel(last, language)}`
    return `${span('zh')} ${span('en')}  ${text}`
  })
}

/** The code's dark modules as one path on whole pixels, so a scanner (and the tests' decoder) reads crisp edges. */
function qrSvg(modules: boolean[][], left: number, top: number, box: number) {
  const count = modules.length + 2 * QUIET_ZONE
  const unit = Math.floor(box / count)
  const size = unit * count
  const x0 = left + Math.floor((box - size) / 2) + QUIET_ZONE * unit
  const y0 = top + Math.floor((box - size) / 2) + QUIET_ZONE * unit
  const squares = modules.flatMap((row, y) =>
    row.flatMap((dark, x) => (dark ? [`M${x0 + x * unit} ${y0 + y * unit}h${unit}v${unit}h-${unit}z`] : [])),
  )
  return `<path fill="#000" shape-rendering="crispEdges" d="${squares.join('')}"/>`
}

/**
 * A station's door poster as PNG: who runs the place, its names in Chinese and English, what it offers, its hours,
 * and a large code that opens it in the app; the address at the foot. Drawn as SVG (text as outlines, see
 * shared/glyphs.ts) and rendered by sharp; a 小程序码 from WeChat is laid into the code's square.
 */
export async function renderPoster(station: StationRecord, code: DoorCode): Promise<Buffer> {
  const { width, height } = POSTER_SIZE
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="#FFFFFF"/>`]
  parts.push(`<rect width="${width}" height="230" fill="${RED}"/>`)
  parts.push(drawText(`${zh('app.name')} · ${en('app.name')}`, MARGIN, 120, style(60, 700, '#FFFFFF')))
  parts.push(drawText(bilingual(`kind.${station.kind}`), MARGIN, 185, style(36, 400, '#FFE9E6')))

  let y = 250
  const lines = (texts: string[], lineStyle: TextStyle, lineHeight: number) => {
    for (const text of texts) {
      y += lineHeight
      parts.push(drawText(text, MARGIN, y, lineStyle))
    }
  }
  const nameStyle = style(84, 700, INK)
  lines(wrapText(station.name, nameStyle, TEXT_WIDTH, 2), nameStyle, 108)
  const nameEnStyle = style(44, 400, MUTED)
  lines(wrapText(station.nameEn, nameEnStyle, TEXT_WIDTH, 2), nameEnStyle, 62)

  y += 20
  lines([bilingual('stations.services')], style(34, 700, RED), 62)
  const services = station.services.map((s) => bilingual(`service.${s.key}`))
  const bodyStyle = style(32, 400, INK)
  lines(wrapItems(services, ' · ', bodyStyle, TEXT_WIDTH, 3), bodyStyle, 46)
  lines([bilingual('stations.hoursWeek')], style(34, 700, RED), 66)
  lines(hoursLines(station.hours).slice(0, 4), bodyStyle, 46)

  const footerTop = height - 130
  const captionHeight = 110
  const box = Math.min(640, footerTop - captionHeight - (y + 40))
  const boxLeft = Math.round((width - box) / 2)
  const boxTop = y + 40
  if (code.kind === 'qr') parts.push(qrSvg(code.modules, boxLeft, boxTop, box))
  const caption = code.kind === 'qr' ? 'poster.scanQr' : 'poster.scan'
  parts.push(drawText(zh(caption), width / 2, boxTop + box + 50, style(40, 700, INK), 'middle'))
  parts.push(drawText(en(caption), width / 2, boxTop + box + 95, style(30, 400, MUTED), 'middle'))

  parts.push(`<rect y="${footerTop}" width="${width}" height="4" fill="${RED}"/>`)
  const addressStyle = style(30, 400, MUTED)
  const address = wrapText(`${bilingual('poster.address')}  ${station.address}`, addressStyle, TEXT_WIDTH, 2)
  address.forEach((text, index) => parts.push(drawText(text, MARGIN, footerTop + 56 + index * 42, addressStyle)))

  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`
  const overlays =
    code.kind === 'wxacode'
      ? [
          {
            input: await sharp(code.image).resize(box, box, { fit: 'contain', background: '#FFFFFF' }).toBuffer(),
            left: boxLeft,
            top: boxTop,
          },
        ]
      : []
  return sharp(Buffer.from(svg))
    .composite(overlays)
    .flatten({ background: '#FFFFFF' })
    .withMetadata({ density: POSTER_SIZE.dpi })
    .png()
    .toBuffer()
}

/**
 * Posters as a PDF, one A5 page each, ready to print. Each page is its poster image at full page size (the image has
 * no alpha channel, so pdfkit embeds its compressed rows as they are rather than splitting out a mask).
 */
export function bookOfPosters(posters: Buffer[], title: string): Promise<Buffer> {
  const book = new PDFDocument({ size: 'A5', margin: 0, autoFirstPage: false, info: { Title: title } })
  const chunks: Buffer[] = []
  book.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    book.on('end', () => resolve(Buffer.concat(chunks)))
    book.on('error', reject)
  })
  for (const poster of posters) {
    book.addPage()
    book.image(poster, 0, 0, { width: book.page.width, height: book.page.height })
  }
  book.end()
  return done
}
