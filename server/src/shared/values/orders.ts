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
