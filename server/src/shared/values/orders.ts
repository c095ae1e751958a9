/**
 * The enums both sides list, in the order people read them: the server's schemas are built from these lists and the
 * app shows its chips and filters in the same order (`@values/orders`). Adding a value here adds it everywhere.
 */

/** What a station offers, as its chips show them. */
export const SERVICE_KEYS = [
  'hot_water',
  'charging',
  'travel_info',
  'restroom',
  'first_aid',
  'umbrella',
  'wifi',
] as const

/** 党群服务站, 共产党员店, 党员联系点, 微阵地. */
export const STATION_KINDS = ['service_station', 'party_member_shop', 'contact_point', 'micro_post'] as const

/** What a wheelchair user, a parent or an older visitor asks before setting out (无障碍信息): getting in first. */
export const ACCESS_FACTS = ['stepFree', 'accessibleToilet', 'babyCare', 'seating'] as const

/** What a 微心愿 asks for. */
export const WISH_CATEGORIES = [
  'life_help',
  'medical_escort',
  'study_aid',
  'repair',
  'errands',
  'companionship',
  'other',
] as const

/** The kinds of volunteer activity (志愿服务). */
export const ACTIVITY_KINDS = ['clinic', 'cleanup', 'legal_aid', 'patrol', 'civility', 'other'] as const

/** What a visitor reports about a station (报告问题), the most common trouble first. */
export const REPORT_CATEGORIES = [
  'no_hot_water',
  'no_charging',
  'closed_but_shown_open',
  'wrong_location',
  'other',
] as const

/** A 微心愿's states, in the order a wish passes through them (review, the wall, claimed, done, confirmed). */
export const WISH_STATUSES = [
  'pending_review',
  'published',
  'rejected',
  'claimed',
  'fulfilled',
  'confirmed',
  'withdrawn',
  'disputed',
] as const

/** The spreadsheets staff download, change and upload again at the desk (运营台). */
export const SHEET_KINDS = ['stations', 'guesthouses', 'sessions', 'members'] as const
