import type { Kysely, Migration } from 'kysely'

/** The columns this migration reads and writes, as they are at this point of the history. */
interface WishTimesTables {
  wishes: {
    id: string
    created_at: string
    claimed_at: string | null
    reviewed_at: string | null
    published_at: string | null
    first_claimed_at: string | null
  }
}

/** Hours after posting that each demo wish was reviewed (and published), as the demo has loaded them since. */
const DEMO_REVIEWED_AFTER_HOURS: Record<string, number> = {
  wi_demo_medicine: 0.5,
  wi_demo_faucet: 4,
  wi_demo_phone: 26,
  wi_demo_done_1: 4,
  wi_demo_done_2: 3,
  wi_demo_done_3: 18,
  wi_demo_done_4: 2,
  wi_demo_done_5: 30,
  wi_demo_done_6: 6,
  wi_demo_done_7: 5,
  wi_demo_done_8: 1,
  wi_demo_done_9: 8,
  wi_demo_done_10: 0.3,
}

/**
 * A demo database loaded before the demo's wishes had response times shows 暂无数据 in 响应时效 for good (the demo
 * loads once). This gives its demo wishes a review and publication time and their claim as the first, once. Only what
 * is still empty: a time the app recorded since (a demo wish reviewed or claimed by hand) stays as it is.
 */
export const demoWishTimes: Migration = {
  async up(untyped: Kysely<unknown>) {
    const db = untyped as Kysely<WishTimesTables>
    const wishes = await db
      .selectFrom('wishes')
      .selectAll()
      .where('id', 'in', Object.keys(DEMO_REVIEWED_AFTER_HOURS))
      .execute()
    for (const wish of wishes) {
      const reviewedAt = new Date(Date.parse(wish.created_at) + DEMO_REVIEWED_AFTER_HOURS[wish.id]! * 3600_000)
      await db
        .updateTable('wishes')
        .set({
          reviewed_at: wish.reviewed_at ?? reviewedAt.toISOString(),
          published_at: wish.published_at ?? reviewedAt.toISOString(),
          first_claimed_at: wish.first_claimed_at ?? wish.claimed_at,
        })
        .where('id', '=', wish.id)
        .execute()
    }
  },
}
