import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { changeTown } from './commands.js'
import { findTown } from './queries.js'
import { townPatchSchema, townSchema } from './schemas.js'

/** The town the deployment serves is data: any old town can run the app by changing it here. */
export const townRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/town',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The town this app serves',
          tags: ['town'],
          description: 'Name, intro and map centre; the app keeps a copy and revalidates it with the ETag.',
          response: { 200: townSchema },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', 'no-cache')
        return findTown(db)
      },
    )

    app.patch(
      '/api/town',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Change the town',
          tags: ['town'],
          description: 'District staff only (a staff account bound to no community); audited.',
          body: townPatchSchema,
          response: { 200: townSchema },
        },
      },
      async (request) => {
        await changeTown(db, signedIn(request.user), request.body, clock().toISOString())
        return findTown(db)
      },
    )
  }
