import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { idParamsSchema } from '../../shared/params.js'
import { signedIn } from '../../shared/access.js'
import { staffCommunities } from '../community/scope.js'
import { decideRegistration, registerMember, changeMemberSettings } from './commands.js'
import { findMember, findMemberOf, findMemberQueue, findMemberRecord, findRanking } from './queries.js'
import {
  memberListResponseSchema,
  memberQueueQuerySchema,
  memberRecordQuerySchema,
  memberRecordSchema,
  memberRegisterSchema,
  memberResponseSchema,
  memberSettingsSchema,
  rankingQuerySchema,
  rankingResponseSchema,
  verifySchema,
} from './schemas.js'

const tags = ['members']

export const memberRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/members',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Register as an in-service party member (双报到)',
          tags,
          description:
            '双报到: an in-service party member registers with their home community and waits for staff ' +
            'verification; once: while one is pending or verified, registering again answers 200 with that ' +
            'registration, unchanged (201 when stored; a rejected one may register anew). A phone the community’s ' +
            'roster (名册, loaded as the members sheet) lists is verified at once: 201 with status verified. Name ' +
            'and phone are seen only by that community’s staff.',
          body: memberRegisterSchema,
          response: { 201: memberResponseSchema, 200: memberResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const outcome = await registerMember(db, user.id, request.body, clock().toISOString())
        return reply.status(outcome === 'stored' ? 201 : 200).send({ member: await findMemberOf(db, user.id) })
      },
    )

    app.get(
      '/api/me/member',
      {
        config: { access: 'user' },
        schema: { summary: 'My member registration', tags, response: { 200: memberResponseSchema } },
      },
      async (request) => ({ member: await findMemberOf(db, signedIn(request.user).id) }),
    )

    app.patch(
      '/api/me/member',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Change my member settings',
          tags,
          body: memberSettingsSchema,
          response: { 200: memberResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        await changeMemberSettings(db, user.id, request.body)
        return { member: await findMemberOf(db, user.id) }
      },
    )

    app.get(
      '/api/me/member/record',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'My service record',
          tags,
          querystring: memberRecordQuerySchema,
          response: { 200: memberRecordSchema },
        },
      },
      async (request) => findMemberRecord(db, signedIn(request.user).id, clock(), request.query),
    )

    app.get(
      '/api/members/ranking',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Members by wishes fulfilled',
          tags,
          description: 'Members of a community by wishes fulfilled; those who opted out are left off. Nicknames only.',
          querystring: rankingQuerySchema,
          response: { 200: rankingResponseSchema },
        },
      },
      async (request) => ({ items: await findRanking(db, request.query.communityId) }),
    )

    app.get(
      '/api/members',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Registrations to decide (staff)',
          tags: [...tags, 'staff'],
          querystring: memberQueueQuerySchema,
          response: { 200: memberListResponseSchema },
        },
      },
      async (request) => ({
        items: await findMemberQueue(db, request.query.status, await staffCommunities(db, request.user)),
      }),
    )

    app.post(
      '/api/members/:id/verify',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Verify or reject a registration (staff)',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: verifySchema,
          response: { 200: memberResponseSchema },
        },
      },
      async (request) => {
        const staff = signedIn(request.user)
        await decideRegistration(db, staff, request.params.id, request.body, clock().toISOString())
        return { member: (await findMember(db, request.params.id))! }
      },
    )
  }
