import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema, originOf, type Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { createActivityCommands } from './commands.js'
import { findActivity, findActivityPage } from './queries.js'
import {
  activityCancelSchema,
  activityCreateSchema,
  activityDetailQuerySchema,
  activityListQuerySchema,
  activityListResponseSchema,
  activityPatchSchema,
  activityResponseSchema,
  signupResponseSchema,
} from './schemas.js'
import { createSignupDesk } from './signups.js'

const STAFF = ['staff'] as const
const tags = ['activities']

export const activityRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const desk = createSignupDesk(db, clock)
    const commands = createActivityCommands(db, clock, desk)

    const oneActivity = async (id: string, user: User | null, origin?: Origin) => {
      const activity = await findActivity(db, id, user?.id ?? null, origin)
      if (!activity) throw notFound.activity()
      return { activity }
    }
    /** A sign-up as its holder now sees it, with the activity (places, waitlist, their place on it). */
    const signupReply = async (signupId: string, activityId: string, user: User) => {
      const { activity } = await oneActivity(activityId, user)
      const mine = activity.mySignup
      return mine?.id === signupId
        ? { id: mine.id, activityId, status: mine.status, position: mine.position, activity }
        : { id: signupId, activityId, status: 'cancelled' as const, position: null, activity }
    }

    app.get(
      '/api/activities',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Upcoming volunteer activities (志愿服务活动)',
          tags,
          description: 'Not yet over and not cancelled; nearest first with lat/lng, else soonest first; paged.',
          querystring: activityListQuerySchema,
          response: { 200: activityListResponseSchema },
        },
      },
      async (request) => {
        const { kind, communityId, mine, limit, cursor } = request.query
        return findActivityPage(
          db,
          { kind, communityId, mine, notOverAt: clock().toISOString() },
          { limit, cursor },
          request.user?.id ?? null,
          originOf(request.query),
        )
      },
    )

    app.get(
      '/api/activities/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A volunteer activity, with the caller’s sign-up',
          errors: [404],
          tags,
          params: idParamsSchema,
          querystring: activityDetailQuerySchema,
          response: { 200: activityResponseSchema },
        },
      },
      async (request) => oneActivity(request.params.id, request.user, originOf(request.query)),
    )

    app.post(
      '/api/activities',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Publish a volunteer activity (staff)',
          description: 'For a community the staff member acts for; times under the lecture sessions’ rules.',
          tags: [...tags, 'staff'],
          body: activityCreateSchema,
          response: { 201: activityResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const input = request.body
        await app.checkText({ 标题: input.title, 介绍: input.description, 地址: input.address }, user.id)
        return reply.status(201).send(await oneActivity(await commands.publish(user, input), null))
      },
    )

    app.patch(
      '/api/activities/:id',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Change a volunteer activity (staff)',
          description: 'Those signed up are told when its time or place changes.',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: activityPatchSchema,
          response: { 200: activityResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        const patch = request.body
        await app.checkText({ 标题: patch.title, 介绍: patch.description, 地址: patch.address }, user.id)
        await commands.change(user, request.params.id, patch)
        return oneActivity(request.params.id, null)
      },
    )

    app.post(
      '/api/activities/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Cancel a volunteer activity (staff)',
          description: 'Everyone signed up (confirmed or waiting) is told, with the reason when one is given.',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: activityCancelSchema,
          response: { 200: activityResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        await app.checkText({ 原因: request.body.reason }, user.id)
        await commands.cancel(user, request.params.id, request.body)
        return oneActivity(request.params.id, null)
      },
    )

    app.post(
      '/api/activities/:id/signups',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Sign up as a volunteer (verified 双报到 members)',
          description:
            'Confirmed while places are free (exactly volunteersNeeded, under any concurrency), else waitlisted with ' +
            'a position; promoted automatically when a confirmed volunteer withdraws. Again: 200 with the same sign-up.',
          errors: [404, 409],
          tags,
          params: idParamsSchema,
          response: { 201: signupResponseSchema, 200: signupResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const { id, created } = await desk.signUp(user, request.params.id)
        return reply.status(created ? 201 : 200).send(await signupReply(id, request.params.id, user))
      },
    )

    app.delete(
      '/api/activities/:id/signups/me',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Withdraw my sign-up (until the start)',
          description: 'A freed place goes to the head of the waitlist at once; that person is told.',
          errors: [404, 409],
          tags,
          params: idParamsSchema,
          response: { 200: signupResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        const id = await desk.withdraw(user, request.params.id)
        return signupReply(id, request.params.id, user)
      },
    )
  }
