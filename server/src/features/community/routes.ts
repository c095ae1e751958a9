import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { wishBreakdown, weeklyTrends } from './queries.js'
import { trendsQuerySchema, trendsSchema, wishBreakdownSchema, type Trends } from './schemas.js'
import { staffCommunities, visibleCommunities } from './scope.js'

export const communityListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) })
export type CommunityList = z.infer<typeof communityListSchema>

export const staffScopeSchema = z.object({
  district: z.boolean().describe('a district account: bound to no community, it acts for all of them'),
  items: communityListSchema.shape.items.describe('the communities this staff user acts for'),
})
export type StaffScope = z.infer<typeof staffScopeSchema>

export const statsSchema = z.object({
  stations: z.number().int(),
  guesthouses: z.number().int(),
  lecturesHeld: z.number().int(),
  lectureAttendances: z.number().int(),
  wishes: z.object({
    published: z.number().int(),
    claimed: z.number().int(),
    fulfilled: z.number().int(),
    urgentSolved: z.number().int().describe('urgent wishes fulfilled'),
  }),
  members: z.object({ verified: z.number().int() }),
})
export type Stats = z.infer<typeof statsSchema>

const count = z.number().int()
export const communityFiguresSchema = z.object({
  items: z.array(
    z.object({
      communityId: z.string(),
      name: z.string(),
      wishes: z.object({ pendingReview: count, published: count, claimed: count, fulfilled: count, confirmed: count, disputed: count, urgentSolved: count }),
      members: z.object({ verified: count, pending: count }),
    }),
  ),
})
export type CommunityFigures = z.infer<typeof communityFiguresSchema>

type WishTally = CommunityFigures['items'][number]['wishes']
const emptyWishes = (): WishTally => ({ pendingReview: 0, published: 0, claimed: 0, fulfilled: 0, confirmed: 0, disputed: 0, urgentSolved: 0 })
const WISH_FIGURE: Partial<Record<string, Exclude<keyof WishTally, 'urgentSolved'>>> = {
  pending_review: 'pendingReview',
  published: 'published',
  claimed: 'claimed',
  fulfilled: 'fulfilled',
  confirmed: 'confirmed',
  disputed: 'disputed',
}

export const communityRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/communities',
      { config: { access: 'public' }, schema: { tags: ['community'], response: { 200: communityListSchema } } },
      async () => ({ items: await db.selectFrom('communities').select(['id', 'name']).orderBy('sort_order').execute() }),
    )

    app.get(
      '/api/communities/mine',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['community', 'staff'],
          description: 'The communities whose stations, guesthouses, sessions and reports this staff user may change.',
          response: { 200: staffScopeSchema },
        },
      },
      async (request) => {
        const scope = await staffCommunities(db, request.user)
        const bound = Array.isArray(scope) ? scope : null
        const items = await db.selectFrom('communities').select(['id', 'name']).$if(bound !== null, (q) => q.where('id', 'in', bound!)).orderBy('sort_order').execute()
        return { district: bound === null, items }
      },
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
        const [stations, guesthouses, lecturesHeld, lectureAttendances, published, claimed, fulfilled, urgentSolved, verified] = await Promise.all([
          count(db.selectFrom('stations').select(n)),
          count(db.selectFrom('guesthouses').select(n)),
          count(db.selectFrom('lecture_sessions').select(n).where('status', '=', 'scheduled').where('ends_at', '<', now)),
          count(db.selectFrom('bookings').select(n).where('checked_in_at', 'is not', null)),
          wishesIn(['published']),
          wishesIn(['claimed', 'fulfilled', 'confirmed']),
          wishesIn(['fulfilled', 'confirmed']),
          count(db.selectFrom('wishes').select(n).where('status', 'in', ['fulfilled', 'confirmed']).where('urgent', '=', 1)),
          count(db.selectFrom('members').select(n).where('status', '=', 'verified')),
        ])
        return { stations, guesthouses, lecturesHeld, lectureAttendances, wishes: { published, claimed, fulfilled, urgentSolved }, members: { verified } }
      },
    )

    // Trends change slowly and every visitor asks the same few questions: one answer per length, per minute.
    const trendsCache = new Map<number, { minute: number; trends: Trends }>()
    app.get(
      '/api/stats/trends',
      {
        config: { access: 'public' },
        schema: {
          tags: ['community'],
          description: 'The last N weeks (Monday to Sunday, Shanghai time), oldest first, the current week last; every week listed, zeros too.',
          querystring: trendsQuerySchema,
          response: { 200: trendsSchema },
        },
      },
      async (request) => {
        const now = clock()
        const minute = Math.floor(now.getTime() / 60_000)
        const cached = trendsCache.get(request.query.weeks)
        if (cached?.minute === minute) return cached.trends
        const trends = await weeklyTrends(db, now, request.query.weeks)
        trendsCache.set(request.query.weeks, { minute, trends })
        return trends
      },
    )

    app.get(
      '/api/stats/wishes',
      {
        config: { access: 'public' },
        schema: { tags: ['community'], description: 'Wishes on the wall and solved, by category and by community.', response: { 200: wishBreakdownSchema } },
      },
      async () => wishBreakdown(db),
    )

    app.get(
      '/api/stats/communities/trends',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['community', 'staff'],
          description: 'The weekly trends of the communities this staff user acts for, as `/api/stats/trends` counts them.',
          querystring: trendsQuerySchema,
          response: { 200: trendsSchema },
        },
      },
      async (request) => weeklyTrends(db, clock(), request.query.weeks, await visibleCommunities(db, signedIn(request.user))),
    )

    app.get(
      '/api/stats/communities/wishes',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['community', 'staff'],
          description: 'Wishes on the wall and solved, by category and by community, in the communities this staff user acts for.',
          response: { 200: wishBreakdownSchema },
        },
      },
      async (request) => wishBreakdown(db, await visibleCommunities(db, signedIn(request.user))),
    )

    app.get(
      '/api/stats/communities',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['community', 'staff'],
          description: 'Wishes by state and members per community, for the communities this staff user acts for.',
          response: { 200: communityFiguresSchema },
        },
      },
      async (request) => {
        const scope = await staffCommunities(db, request.user)
        const bound = Array.isArray(scope) ? scope : null
        const [communities, wishes, members] = await Promise.all([
          db.selectFrom('communities').select(['id', 'name']).$if(bound !== null, (q) => q.where('id', 'in', bound!)).orderBy('sort_order').execute(),
          db
            .selectFrom('wishes')
            .select((eb) => ['community_id', 'status', 'urgent', eb.fn.countAll<number>().as('n')])
            .$if(bound !== null, (q) => q.where('community_id', 'in', bound!))
            .groupBy(['community_id', 'status', 'urgent'])
            .execute(),
          db
            .selectFrom('members')
            .select((eb) => ['community_id', 'status', eb.fn.countAll<number>().as('n')])
            .$if(bound !== null, (q) => q.where('community_id', 'in', bound!))
            .groupBy(['community_id', 'status'])
            .execute(),
        ])
        const figures = new Map(communities.map((c) => [c.id, { communityId: c.id, name: c.name, wishes: emptyWishes(), members: { verified: 0, pending: 0 } }]))
        for (const row of wishes) {
          const tally = figures.get(row.community_id)?.wishes
          const figure = WISH_FIGURE[row.status]
          if (!tally || !figure) continue
          tally[figure] += Number(row.n)
          if (row.urgent && (row.status === 'fulfilled' || row.status === 'confirmed')) tally.urgentSolved += Number(row.n)
        }
        for (const row of members) {
          const tally = figures.get(row.community_id)?.members
          if (tally && (row.status === 'verified' || row.status === 'pending')) tally[row.status] += Number(row.n)
        }
        return { items: [...figures.values()] }
      },
    )
  }
