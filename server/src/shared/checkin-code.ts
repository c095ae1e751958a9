import { createHmac, timingSafeEqual } from 'node:crypto'
import { ApiError } from './errors.js'
import { distanceMetres } from './geo.js'

/*
 * Presence at a lecture session or a volunteer activity: the rotating code staff show on the spot, when it may be
 * used, and how close the person must be. Each place passes its own id and secret.
 */

/** A code is shown for one window and accepted during the next as well: at most two minutes old. */
export const CHECKIN_WINDOW_MS = 60_000
/** People may check in from half an hour before the start until the end. */
const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000
/** When a confirmed attendee or volunteer may check in: one rule for the app's button and the server's refusal. */
export function checkinWindow(startsAt: string, endsAt: string) {
  return {
    checkInOpensAt: new Date(Date.parse(startsAt) - CHECKIN_OPENS_BEFORE_MS).toISOString(),
    checkInClosesAt: new Date(Date.parse(endsAt)).toISOString(),
  }
}

/** Further than this from the place (GCJ-02 positions, phone accuracy included) is not there. */
export const PRESENCE_RADIUS_M = 500

const sign = (secret: string, placeId: string, window: number) =>
  createHmac('sha256', secret).update(`${placeId}:${window}`).digest('base64url').slice(0, 22)

/** The rotating code staff show as a QR code: bound to the session or activity by its id and its secret. */
export function issueCheckinCode(placeId: string, secret: string, now: Date) {
  const window = Math.floor(now.getTime() / CHECKIN_WINDOW_MS)
  return {
    code: `${placeId}.${window}.${sign(secret, placeId, window)}`,
    expiresAt: new Date((window + 2) * CHECKIN_WINDOW_MS).toISOString(),
  }
}

const invalid = () =>
  new ApiError(
    400,
    'CHECKIN_CODE_INVALID',
    '签到码无效，请扫描本场活动现场的二维码',
    'This check-in code is not valid here',
  )
const expired = () =>
  new ApiError(400, 'CHECKIN_CODE_EXPIRED', '签到码已过期，请重新扫码', 'The check-in code has expired; scan again')

/** Throws unless `code` was issued for this session or activity within the last two windows. */
export function verifyCheckinCode(code: string, placeId: string, secret: string, now: Date): void {
  const parts = code.split('.')
  if (parts.length !== 3 || parts[0] !== placeId || !/^\d+$/.test(parts[1] ?? '')) throw invalid()
  const window = Number(parts[1])
  const expected = Buffer.from(sign(secret, placeId, window))
  const given = Buffer.from(parts[2] ?? '')
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid()
  const current = Math.floor(now.getTime() / CHECKIN_WINDOW_MS)
  if (window > current || current - window > 1) throw expired()
}

type Position = { lat: number; lng: number }

/**
 * Whether a check-in is bound to presence: a forwarded photo of the QR code must not work from home. With the
 * person's position, more than PRESENCE_RADIUS_M from the place is refused; without one (permission refused)
 * the check-in stands but is marked unverified for staff to see.
 */
export function locationVerified(position: Position | undefined, place: Position): boolean {
  if (!position) return false
  const metres = Math.round(distanceMetres(position, place))
  if (metres > PRESENCE_RADIUS_M) {
    throw new ApiError(
      403,
      'TOO_FAR_TO_CHECK_IN',
      `您距离活动地点约 ${metres} 米，请到现场（${PRESENCE_RADIUS_M} 米内）再签到`,
      `You are about ${metres} m from the venue; check in there (within ${PRESENCE_RADIUS_M} m)`,
    )
  }
  return true
}
