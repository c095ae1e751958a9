import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { markRead } from './commands.js'
import { listNotices } from './queries.js'
import { inboxPageSchema, inboxQuerySchema, inboxReadSchema, inboxUnreadSchema } from './schemas.js'

export const inboxRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['inbox']

    app.get(
      '/api/me/notices',
      {
        config: { access: 'user' },
        schema: {
          summary: 'My notices, newest first',
          tags,
          description:
            'The person’s notices (消息), newest first, kept 90 days; title and text in Chinese and English.',
          querystring: inboxQuerySchema,
          response: { 200: inboxPageSchema },
        },
      },
      async (request) => listNotices(db, signedIn(request.user).id, request.query, clock()),
    )

    app.post(
      '/api/me/notices/read',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Mark notices as read',
          tags,
          description: 'Marks the given notices read, or all of them without `ids`; answers what is still unread.',
          body: inboxReadSchema.nullish(),
          response: { 200: inboxUnreadSchema },
        },
      },
      async (request) => ({ unread: await markRead(db, signedIn(request.user).id, request.body?.ids, clock()) }),
    )
  }
