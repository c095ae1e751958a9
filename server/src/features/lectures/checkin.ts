import { createHmac, timingSafeEqual } from 'node:crypto'
import { ApiError } from '../../shared/errors.js'

/** A code is shown for one window and accepted during the next as well: at most two minutes old. */
export const CHECKIN_WINDOW_MS = 60_000
/** Residents may check in from half an hour before the start until the end. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000

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
  new ApiError(400, 'CHECKIN_CODE_INVALID', '签到码无效，请扫描本场讲座现场的二维码', 'This check-in code is not valid for this session')
const expired = () => new ApiError(400, 'CHECKIN_CODE_EXPIRED', '签到码已过期，请重新扫码', 'The check-in code has expired; scan again')

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
