import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Config } from '../../config.js'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { consentsOf, grantConsent } from './consent.js'
import type { NoticeKind } from '../notices/notices.js'
import { noticeTemplatesSchema, subscriptionGrantSchema, subscriptionsSchema } from './schemas.js'

export const notificationRoutes =
  (config: Config, db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['notifications']
    const templates = Object.entries(config.WX_TEMPLATE_IDS).map(([kind, template]) => ({
      kind: kind as NoticeKind,
      templateId: template.id,
    }))

    app.get(
      '/api/notifications/templates',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The subscribe-message templates',
          tags,
          description: 'The subscribe-message templates the app may ask for (empty without WeChat).',
          response: { 200: noticeTemplatesSchema },
        },
      },
      async () => ({ templates }),
    )

    app.get(
      '/api/me/subscriptions',
      {
        config: { access: 'user' },
        schema: { summary: 'My subscribe-message grants', tags, response: { 200: subscriptionsSchema } },
      },
      async (request) => {
        return { items: await consentsOf(db, signedIn(request.user).id) }
      },
    )

    app.post(
      '/api/me/subscriptions',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Record the subscribe messages I allowed',
          tags,
          description:
            'The kinds the person accepted in WeChat’s subscribe prompt; each allows one more message of that kind.',
          body: subscriptionGrantSchema,
          response: { 200: subscriptionsSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        await grantConsent(db, user.id, [...new Set(request.body.accepted)], clock().toISOString())
        return { items: await consentsOf(db, user.id) }
      },
    )
  }
