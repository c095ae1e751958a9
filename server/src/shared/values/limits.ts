/**
 * How long a text and how many items each body takes, in one place for both sides: the server's zod schemas are built
 * from these numbers and the app's forms stop typing at them, so a form never lets through what the API refuses
 * (tests/form-limits.test.ts compares the two). Plain numbers only: the app's bundle takes this file as it is.
 * Keys are the body's field names; a list of texts gives how many items and how long each may be.
 */

/** Photos of one place (a station or a guesthouse). */
export const PLACE_PHOTOS = 9

/** POST/PATCH /api/stations. */
export const STATION_LIMITS = {
  name: 40,
  nameEn: 80,
  address: 100,
  photos: PLACE_PHOTOS,
  pledges: { items: 10, length: 60 },
} as const

/** A station service's note (施工中, 检修), on the station and on the quick switch. */
export const SERVICE_NOTE_LENGTH = 60

/** POST /api/stations/{id}/reports: what a visitor tells about a station. */
export const REPORT_LIMITS = { text: 200 } as const

/** POST/PATCH /api/guesthouses. */
export const GUESTHOUSE_LIMITS = { name: 40, address: 80, roomsNote: 80, photos: PLACE_PHOTOS } as const

/** POST/PATCH /api/lectures/topics. */
export const TOPIC_LIMITS = { title: 30, titleEn: 60, description: 300, descriptionEn: 600 } as const

/** POST/PATCH /api/lectures/sessions. */
export const SESSION_LIMITS = { speaker: 40 } as const

/** POST /api/lectures/sessions/{id}/feedback. */
export const FEEDBACK_LIMITS = { comment: 300 } as const

/** POST /api/wishes. */
export const WISH_LIMITS = { title: 40, description: 500, preferredTime: 40, photoIds: 3 } as const

/** POST /api/wishes, `onBehalfOf`: the resident a 代办 wish is for. */
export const ON_BEHALF_LIMITS = { name: 20 } as const

/** The text each step on a wish takes: a reason, a note, thanks. */
export const WISH_STEP_TEXT = {
  reject: 200,
  release: 200,
  fulfil: 300,
  confirm: 200,
  dispute: 300,
  settle: 300,
  reopen: 300,
} as const

/** POST /api/members: a 双报到 registration. */
export const MEMBER_LIMITS = { realName: 20, workUnit: 60, branch: 60 } as const

/** POST /api/members/{id}/verify: why a registration is turned down. */
export const VERIFY_REASON_LENGTH = 200

/** POST/PATCH /api/activities. */
export const ACTIVITY_LIMITS = { title: 40, description: 1000, address: 80 } as const

/** POST /api/activities/{id}/cancel: the reason those signed up are told. */
export const ACTIVITY_CANCEL_REASON_LENGTH = 200

/** PATCH /api/activities/{id}/signups/{memberId}: why staff set a volunteer's hours by hand. */
export const HOURS_REASON_LENGTH = 100

/** Typed forms of fixed shape: a wall-clock time `HH:MM`, a phone number with its area code `0768-2221234`. */
export const CLOCK_TIME_LENGTH = 5
export const PHONE_LENGTH = 13

/** A field's longest text in one of the tables above, or undefined for a field it does not limit (coordinates, a phone). */
export function textLimit(limits: Readonly<Record<string, unknown>>, field: string): number | undefined {
  const limit = limits[field]
  return typeof limit === 'number' ? limit : undefined
}
