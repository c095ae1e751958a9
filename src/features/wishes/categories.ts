import type { WishPublic } from '@contract'
import { WISH_CATEGORIES } from '@values/orders'

/** Every category in display order, as the server lists them. */
export const CATEGORIES: readonly WishPublic['category'][] = WISH_CATEGORIES
