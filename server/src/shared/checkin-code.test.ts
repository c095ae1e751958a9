import { distanceMetres } from './geo'
import {
  CHECKIN_WINDOW_MS,
  issueCheckinCode,
  locationVerified,
  PRESENCE_RADIUS_M,
  verifyCheckinCode,
} from './checkin-code'

const secret = 'a-session-secret'
const shownAt = new Date('2026-11-25T11:30:10Z')
const later = (ms: number) => new Date(shownAt.getTime() + ms)
const errorOf = (check: () => void) => {
  try {
    check()
  } catch (error) {
    return (error as { code: string }).code
  }
  return null
}

describe('check-in codes', () => {
  const { code, expiresAt } = issueCheckinCode('ls_tea', secret, shownAt)

  it('accepts the code shown now and during the next window, and says when it stops working', () => {
    expect(errorOf(() => verifyCheckinCode(code, 'ls_tea', secret, shownAt))).toBeNull()
    expect(errorOf(() => verifyCheckinCode(code, 'ls_tea', secret, later(CHECKIN_WINDOW_MS)))).toBeNull()
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(later(CHECKIN_WINDOW_MS).getTime())
    expect(new Date(expiresAt).getTime()).toBeLessThanOrEqual(later(2 * CHECKIN_WINDOW_MS).getTime())
  })

  it('refuses an old code as expired and a code from the future', () => {
    const verifyAt = (moment: Date) => errorOf(() => verifyCheckinCode(code, 'ls_tea', secret, moment))
    expect(verifyAt(later(2 * CHECKIN_WINDOW_MS))).toBe('CHECKIN_CODE_EXPIRED')
    expect(verifyAt(later(-CHECKIN_WINDOW_MS))).toBe('CHECKIN_CODE_EXPIRED')
  })

  it('refuses a code for another session, signed with another secret, altered or malformed', () => {
    expect(errorOf(() => verifyCheckinCode(code, 'ls_other', secret, shownAt))).toBe('CHECKIN_CODE_INVALID')
    expect(errorOf(() => verifyCheckinCode(code, 'ls_tea', 'another-secret', shownAt))).toBe('CHECKIN_CODE_INVALID')
    const [session, window, signature] = code.split('.')
    const verify = (given: string) => errorOf(() => verifyCheckinCode(given, 'ls_tea', secret, shownAt))
    expect(verify(`${session}.${Number(window) + 1}.${signature}`)).toBe('CHECKIN_CODE_INVALID')
    expect(verify(`${session}.${window}.${signature!.slice(1)}`)).toBe('CHECKIN_CODE_INVALID')
    expect(verify('ls_tea')).toBe('CHECKIN_CODE_INVALID')
  })
})

describe('presence at check-in', () => {
  const guesthouse = { lat: 23.6671, lng: 116.6449 }

  it('verifies a position in the room, refuses one too far away, and leaves no position unverified', () => {
    expect(locationVerified({ lat: 23.6675, lng: 116.6452 }, guesthouse)).toBe(true)
    expect(errorOf(() => locationVerified({ lat: 23.6851, lng: 116.6449 }, guesthouse))).toBe('TOO_FAR_TO_CHECK_IN')
    expect(locationVerified(undefined, guesthouse)).toBe(false)
  })

  it('accepts a position just within 500 m and refuses one just past it, saying how far it is', () => {
    const metresPerDegree = distanceMetres(guesthouse, { ...guesthouse, lat: guesthouse.lat + 0.01 }) / 0.01
    const northBy = (metres: number) => ({ ...guesthouse, lat: guesthouse.lat + metres / metresPerDegree })
    expect(PRESENCE_RADIUS_M).toBe(500)
    expect(locationVerified(northBy(499), guesthouse)).toBe(true)
    // Told "about 500 m", one is not refused for the fraction the message leaves out.
    expect(locationVerified(northBy(500.4), guesthouse)).toBe(true)
    for (const metres of [500.6, 501]) {
      let refusal: unknown = null
      try {
        locationVerified(northBy(metres), guesthouse)
      } catch (error) {
        refusal = error
      }
      expect(refusal).toMatchObject({ statusCode: 403, code: 'TOO_FAR_TO_CHECK_IN' })
      const told = {
        messageZh: expect.stringContaining('约 501 米'),
        messageEn: expect.stringContaining('about 501 m'),
      }
      expect(refusal).toMatchObject(told)
    }
  })
})
