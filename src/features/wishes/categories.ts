import type { WishPublic } from '@contract'

type Category = WishPublic['category']
/** Every category in display order; the record type makes a new one a compile error until it is listed. */
const ORDER: Record<Category, number> = {
  life_help: 0,
  medical_escort: 1,
  study_aid: 2,
  repair: 3,
  errands: 4,
  companionship: 5,
  other: 6,
}
export const CATEGORIES = Object.keys(ORDER) as Category[]
