import { SHANGHAI_OFFSET_MS } from './values/shanghai-clock.js'

/**
 * One event as an iCalendar file (RFC 5545) on the Shanghai clock. Written here rather than with a library: the ones
 * at hand write times in UTC or floating only, and a calendar should show 19:30 Asia/Shanghai whatever zone the phone
 * is in, which takes a TZID and the VTIMEZONE it names.
 */
export interface CalendarEvent {
  uid: string
  /** When this copy of the event was made. */
  stamp: Date
  startsAt: string
  endsAt: string
  summary: string
  location: string
  description: string
  url: string
  cancelled: boolean
}

const TZID = 'Asia/Shanghai'
/** China has kept UTC+8 all year since 1991: one STANDARD rule describes the zone. */
const SHANGHAI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19910101T000000',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** TEXT values escape backslash, semicolon, comma and line breaks. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

const compact = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '')
const utc = (at: Date) => `${compact(at.toISOString())}Z`
const shanghai = (iso: string) => compact(new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString())

/** Lines longer than 75 octets continue on the next after CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const pieces: string[] = []
  let piece = ''
  for (const char of line) {
    // A continuation line's leading space counts toward its 75 octets.
    if (Buffer.byteLength(piece + char) > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(piece)
      piece = ''
    }
    piece += char
  }
  return [...pieces, piece].join('\r\n ')
}

export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Old Town Hub//古城红驿//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...SHANGHAI_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${text(event.uid)}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `DTSTART;TZID=${TZID}:${shanghai(event.startsAt)}`,
    `DTEND;TZID=${TZID}:${shanghai(event.endsAt)}`,
    `SUMMARY:${text(event.summary)}`,
    `LOCATION:${text(event.location)}`,
    `DESCRIPTION:${text(event.description)}`,
    `URL:${event.url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(fold).join('\r\n') + '\r\n'
}
