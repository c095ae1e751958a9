import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import {
  createPublicTrends,
  findCommunities,
  findCommunityFigures,
  findStats,
  wishBreakdown,
  weeklyTrends,
} from './queries.js'
import {
  communityFiguresSchema,
  communityListSchema,
  staffScopeSchema,
  statsSchema,
  trendsQuerySchema,
  trendsSchema,
  wishBreakdownSchema,
} from './schemas.js'
import { visibleCommunities } from './scope.js'
import type { Targets } from '../targets/schemas.js'

export const communityRoutes =
  (db: Db, clock: () => Date, targets: Targets): FastifyPluginAsyncZod =>
  async (app) => {
    const publicTrends = createPublicTrends(db)

    app.get(
      '/api/communities',
      {
        config: { access: 'public' },
        schema: { summary: 'The communities', tags: ['community'], response: { 200: communityListSchema } },
      },
      async () => ({ items: await findCommunities(db, null) }),
    )

    app.get(
      '/api/communities/mine',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'The communities I act for (staff)',
          tags: ['community', 'staff'],
          description: 'The communities whose stations, guesthouses, sessions and reports this staff user may change.',
          response: { 200: staffScopeSchema },
        },
      },
      async (request) => {
        const bound = await visibleCommunities(db, signedIn(request.user))
        return { district: bound === null, items: await findCommunities(db, bound) }
      },
    )

    app.get(
      '/api/stats',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The old town’s figures',
          tags: ['community'],
          description: 'The figures of the old town’s service, counted from the database.',
          response: { 200: statsSchema },
        },
      },
      async () => findStats(db, clock(), targets),
    )

    app.get(
      '/api/stats/trends',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Weekly trends',
          tags: ['community'],
          description:
            'The last N weeks (Monday to Sunday, Shanghai time), oldest first, the current week last; every week listed, zeros too.',
          querystring: trendsQuerySchema,
          response: { 200: trendsSchema },
        },
      },
      async (request) => publicTrends(clock(), request.query.weeks),
    )

    app.get(
      '/api/stats/wishes',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Wishes by category and by community',
          tags: ['community'],
          description: 'Wishes on the wall and solved, by category and by community.',
          response: { 200: wishBreakdownSchema },
        },
      },
      async () => wishBreakdown(db),
    )

    app.get(
      '/api/stats/communities/trends',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Weekly trends of my communities (staff)',
          tags: ['community', 'staff'],
          description: 'The weekly trends of the communities this staff user acts for, counted as `/api/stats/trends`.',
          querystring: trendsQuerySchema,
          response: { 200: trendsSchema },
        },
      },
      async (request) =>
        weeklyTrends(db, clock(), request.query.weeks, await visibleCommunities(db, signedIn(request.user))),
    )

    app.get(
      '/api/stats/communities/wishes',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Wishes by category in my communities (staff)',
          tags: ['community', 'staff'],
          description: 'Wishes on the wall and solved, by category and by community, in this staff user’s communities.',
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
          summary: 'Figures per community (staff)',
          tags: ['community', 'staff'],
          description:
            'Wishes by state, members, response times (as /api/stats counts them) and wishes past a response target ' +
            'now, per community, for the communities this staff user acts for.',
          response: { 200: communityFiguresSchema },
        },
      },
      async (request) =>
        findCommunityFigures(db, await visibleCommunities(db, signedIn(request.user)), clock(), targets),
    )
  }
