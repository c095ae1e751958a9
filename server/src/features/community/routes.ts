import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'

export const communityListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
export type CommunityList = z.infer<typeof communityListSchema>

export const statsSchema = z.object({
  stations: z.number().int(),
  guesthouses: z.number().int(),
  lecturesHeld: z.number().int(),
  lectureAttendances: z.number().int(),
  wishes: z.object({ published: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int() }),
  members: z.object({ verified: z.number().int() }),
})
export type Stats = z.infer<typeof statsSchema>

export const communityRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/communities',
      { config: { access: 'public' }, schema: { tags: ['community'], response: { 200: communityListSchema } } },
      async () => ({ items: await db.selectFrom('communities').select(['id', 'name']).orderBy('sort_order').execute() }),
    )

    app.get(
      '/api/stats',
      {
        config: { access: 'public' },
        schema: { tags: ['community'], description: 'The figures of the old town’s service, counted from the database.', response: { 200: statsSchema } },
      },
      async () => {
        const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await query.executeTakeFirstOrThrow()).n)
        const n = db.fn.countAll<number>().as('n')
        const wishesIn = (statuses: ('published' | 'claimed' | 'fulfilled' | 'confirmed')[]) =>
          count(db.selectFrom('wishes').select(n).where('status', 'in', statuses))
        const now = clock().toISOString()
        const [stations, guesthouses, lecturesHeld, lectureAttendances, published, claimed, fulfilled, verified] = await Promise.all([
          count(db.selectFrom('stations').select(n)),
          count(db.selectFrom('guesthouses').select(n)),
          count(db.selectFrom('lecture_sessions').select(n).where('status', '=', 'scheduled').where('ends_at', '<', now)),
          count(db.selectFrom('bookings').select(n).where('checked_in_at', 'is not', null)),
          wishesIn(['published']),
          wishesIn(['claimed', 'fulfilled', 'confirmed']),
          wishesIn(['fulfilled', 'confirmed']),
          count(db.selectFrom('members').select(n).where('status', '=', 'verified')),
        ])
        return { stations, guesthouses, lecturesHeld, lectureAttendances, wishes: { published, claimed, fulfilled }, members: { verified } }
      },
    )
  }
