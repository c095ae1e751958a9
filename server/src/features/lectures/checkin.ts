import { createHmac, timingSafeEqual } from 'node:crypto'
import { ApiError } from '../../shared/errors.js'
import { distanceMetres } from '../../shared/geo.js'

/** A code is shown for one window and accepted during the next as well: at most two minutes old. */
export const CHECKIN_WINDOW_MS = 60_000
/** Residents may check in from half an hour before the start until the end. */
const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000
/** When a confirmed attendee may check in: one rule for the app's button and the server's refusal. */
export function checkinWindow(startsAt: string, endsAt: string) {
  return {
    checkInOpensAt: new Date(Date.parse(startsAt) - CHECKIN_OPENS_BEFORE_MS).toISOString(),
    checkInClosesAt: new Date(Date.parse(endsAt)).toISOString(),
  }
}

/** Further than this from the guesthouse (GCJ-02 positions, phone accuracy included) is not in the room. */
export const PRESENCE_RADIUS_M = 500

const sign = (secret: string, sessionId: string, window: number) =>
  createHmac('sha256', secret).update(`${sessionId}:${window}`).digest('base64url').slice(0, 22)

/** The rotating code staff show as a QR code: bound to the session by its id and its secret. */
export function issueCheckinCode(sessionId: string, secret: string, now: Date) {
  const window = Math.floor(now.getTime() / CHECKIN_WINDOW_MS)
  return {
    code: `${sessionId}.${window}.${sign(secret, sessionId, window)}`,
    expiresAt: new Date((window + 2) * CHECKIN_WINDOW_MS).toISOString(),
  }
}

const invalid = () =>
  new ApiError(
    400,
    'CHECKIN_CODE_INVALID',
    '签到码无效，请扫描本场讲座现场的二维码',
    'This check-in code is not valid for this session',
  )
const expired = () =>
  new ApiError(400, 'CHECKIN_CODE_EXPIRED', '签到码已过期，请重新扫码', 'The check-in code has expired; scan again')

/** Throws unless `code` was issued for this session within the last two windows. */
export function verifyCheckinCode(code: string, sessionId: string, secret: string, now: Date): void {
  const parts = code.split('.')
  if (parts.length !== 3 || parts[0] !== sessionId || !/^\d+$/.test(parts[1] ?? '')) throw invalid()
  const window = Number(parts[1])
  const expected = Buffer.from(sign(secret, sessionId, window))
  const given = Buffer.from(parts[2] ?? '')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid()
  const current = Math.floor(now.getTime() / CHECKIN_WINDOW_MS)
  if (window > current || current - window > 1) throw expired()
}

type Position = { lat: number; lng: number }

/**
 * Whether a check-in is bound to presence: a forwarded photo of the QR code must not work from home. With the
 * attendee's position, more than PRESENCE_RADIUS_M from the guesthouse is refused; without one (permission refused)
 * the check-in stands but is marked unverified for staff to see.
 */
export function locationVerified(position: Position | undefined, place: Position): boolean {
  if (!position) return false
  const metres = Math.round(distanceMetres(position, place))
  if (metres > PRESENCE_RADIUS_M) {
    throw new ApiError(
      403,
      'TOO_FAR_TO_CHECK_IN',
      `您距离讲座地点约 ${metres} 米，请到现场（${PRESENCE_RADIUS_M} 米内）再签到`,
      `You are about ${metres} m from the venue; check in there (within ${PRESENCE_RADIUS_M} m)`,
    )
  }
  return true
}
