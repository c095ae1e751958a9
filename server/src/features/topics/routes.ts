import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { createTopicCommands } from './commands.js'
import { findTopicDemand, findTopics } from './queries.js'
import {
  demandResponseSchema,
  topicFieldsSchema,
  topicListResponseSchema,
  topicOrderSchema,
  topicPatchSchema,
  topicResponseSchema,
} from './schemas.js'

const STAFF = ['staff'] as const
/** The menu is the lectures' 点单: the document lists it with them, under /api/lectures/topics. */
const tags = ['lectures']

/** The topic menu (点单): residents order what they want to hear, staff keep the menu and read the demand. */
export const topicRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createTopicCommands(db, clock)
    const oneTopic = async (id: string, user: User | null) => {
      const [topic] = await findTopics(db, user?.id ?? null, id)
      if (!topic) throw notFound.topic()
      return { topic }
    }

    app.post(
      '/api/lectures/topics',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Add a menu topic (staff)',
          tags: [...tags, 'staff'],
          body: topicFieldsSchema,
          response: { 201: topicResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await oneTopic(await commands.createTopic(signedIn(request.user), request.body), request.user)),
    )

    app.patch(
      '/api/lectures/topics/:id',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Change a menu topic (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: topicPatchSchema,
          response: { 200: topicResponseSchema },
        },
      },
      async (request) => {
        await commands.updateTopic(signedIn(request.user), request.params.id, request.body)
        return oneTopic(request.params.id, request.user)
      },
    )

    app.get(
      '/api/lectures/topics',
      {
        config: { access: 'public' },
        schema: { summary: 'The topic menu', tags, response: { 200: topicListResponseSchema } },
      },
      async (request) => ({ items: await findTopics(db, request.user?.id ?? null) }),
    )

    app.post(
      '/api/lectures/topics/:id/orders',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Order a topic (点单)',
          errors: [404],
          tags,
          description: 'Order (点单) a topic; once per person, again only updates the preferences.',
          params: idParamsSchema,
          body: topicOrderSchema,
          response: { 200: topicResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        await commands.orderTopic(user, request.params.id, request.body)
        return oneTopic(request.params.id, user)
      },
    )

    app.get(
      '/api/lectures/topics/demand',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Demand per topic (staff)',
          tags: [...tags, 'staff'],
          response: { 200: demandResponseSchema },
        },
      },
      async () => ({ items: await findTopicDemand(db) }),
    )
  }
