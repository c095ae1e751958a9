import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { visibleCommunities } from '../community/scope.js'
import { findOverdue } from './queries.js'
import { overdueListSchema, type Targets } from './schemas.js'

export const targetRoutes =
  (db: Db, clock: () => Date, targets: Targets): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/staff/overdue',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Wishes past their response target (staff)',
          tags: ['wishes', 'staff'],
          description:
            'Wishes waiting for review longer than TARGET_REVIEW_HOURS since submission, or on the wall unclaimed longer ' +
            'than TARGET_CLAIM_HOURS since publication, in the communities this staff user acts for; most overdue first.',
          response: { 200: overdueListSchema },
        },
      },
      async (request) => findOverdue(db, clock(), targets, await visibleCommunities(db, signedIn(request.user))),
    )
  }

export const targetsFrom = (config: { TARGET_REVIEW_HOURS: number; TARGET_CLAIM_HOURS: number }): Targets => ({
  reviewHours: config.TARGET_REVIEW_HOURS,
  claimHours: config.TARGET_CLAIM_HOURS,
})
