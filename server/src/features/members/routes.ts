import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Selectable } from 'kysely'
import type { Db } from '../../db/index.js'
import type { MembersTable } from '../../db/schema.js'
import { recordChange } from '../../shared/audit.js'
import { ApiError, errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema } from '../../shared/params.js'
import { signedIn } from '../../shared/access.js'
import { staffCommunities } from '../community/scope.js'
import { registerMember } from './commands.js'
import {
  memberListResponseSchema,
  memberQueueQuerySchema,
  memberRecordSchema,
  memberRegisterSchema,
  memberResponseSchema,
  memberSettingsSchema,
  rankingQuerySchema,
  rankingResponseSchema,
  verifySchema,
  type Member,
} from './schemas.js'

const tags = ['members']

const toMember = (r: Selectable<MembersTable>): Member => ({
  id: r.id,
  userId: r.user_id,
  realName: r.real_name,
  phone: r.phone,
  workUnit: r.work_unit,
  branch: r.branch,
  communityId: r.community_id,
  status: r.status,
  reason: r.reason,
  rankingOptOut: Number(r.ranking_opt_out) === 1,
  createdAt: r.created_at,
})

export const memberRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const mine = (userId: string) => db.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirst()

    app.post(
      '/api/members',
      {
        config: { access: 'user' },
        schema: {
          tags,
          description: '双报到: an in-service party member registers with their home community and waits for staff verification; once: a second registration while one is pending or verified gets 409 ALREADY_PENDING / ALREADY_VERIFIED. Name and phone are seen only by that community’s staff.',
          body: memberRegisterSchema,
          response: { 201: memberResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        await registerMember(db, user.id, request.body, clock().toISOString())
        return reply.status(201).send({ member: toMember((await mine(user.id))!) })
      },
    )

    app.get(
      '/api/me/member',
      { config: { access: 'user' }, schema: { tags, response: { 200: memberResponseSchema } } },
      async (request) => {
        const row = await mine(signedIn(request.user).id)
        return { member: row ? toMember(row) : null }
      },
    )

    app.patch(
      '/api/me/member',
      { config: { access: ['member'] }, schema: { tags, body: memberSettingsSchema, response: { 200: memberResponseSchema } } },
      async (request) => {
        const user = signedIn(request.user)
        await db.updateTable('members').set({ ranking_opt_out: request.body.rankingOptOut ? 1 : 0 }).where('user_id', '=', user.id).execute()
        const row = await mine(user.id)
        return { member: row ? toMember(row) : null }
      },
    )

    app.get(
      '/api/me/member/record',
      { config: { access: ['member'] }, schema: { tags, response: { 200: memberRecordSchema } } },
      async (request) => {
        const user = signedIn(request.user)
        const done = await db
          .selectFrom('wishes')
          .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('hours_served').as('hours')])
          .where('claimed_by', '=', user.id)
          .where('status', '=', 'confirmed')
          .executeTakeFirstOrThrow()
        const member = await mine(user.id)
        const lectures = member
          ? await db
              .selectFrom('lecture_sessions')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('speaker', '=', member.real_name)
              .where('status', '=', 'scheduled')
              .where('ends_at', '<', clock().toISOString())
              .executeTakeFirstOrThrow()
          : { n: 0 }
        return { wishesFulfilled: Number(done.n), hoursServed: Number(done.hours ?? 0), lecturesGiven: Number(lectures.n) }
      },
    )

    app.get(
      '/api/members/ranking',
      {
        config: { access: 'public' },
        schema: { tags, description: 'Members of a community by wishes fulfilled; those who opted out are left off. Nicknames only.', querystring: rankingQuerySchema, response: { 200: rankingResponseSchema } },
      },
      async (request) => {
        const rows = await db
          .selectFrom('members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .leftJoin('wishes as w', (join) => join.onRef('w.claimed_by', '=', 'm.user_id').on('w.status', '=', 'confirmed'))
          .select((eb) => ['u.nickname', eb.fn.count('w.id').as('done'), eb.fn.sum<number>('w.hours_served').as('hours')])
          .where('m.community_id', '=', request.query.communityId)
          .where('m.status', '=', 'verified')
          .where('m.ranking_opt_out', '=', 0)
          .groupBy(['m.user_id', 'u.nickname'])
          .execute()
        const sorted = rows
          .map((r) => ({ nickname: r.nickname, wishesFulfilled: Number(r.done), hoursServed: Number(r.hours ?? 0) }))
          .sort((a, b) => b.wishesFulfilled - a.wishesFulfilled || b.hoursServed - a.hoursServed)
        return { items: sorted.slice(0, 50).map((r, i) => ({ rank: i + 1, ...r })) }
      },
    )

    app.get(
      '/api/members',
      { config: { access: ['staff'] }, schema: { tags: [...tags, 'staff'], querystring: memberQueueQuerySchema, response: { 200: memberListResponseSchema } } },
      async (request) => {
        const scope = await staffCommunities(db, request.user)
        let query = db.selectFrom('members').selectAll().where('status', '=', request.query.status).orderBy('created_at').limit(200)
        if (Array.isArray(scope)) query = query.where('community_id', 'in', scope)
        return { items: (await query.execute()).map(toMember) }
      },
    )

    app.post(
      '/api/members/:id/verify',
      { config: { access: ['staff'] }, schema: { tags: [...tags, 'staff'], params: idParamsSchema, body: verifySchema, response: { 200: memberResponseSchema } } },
      async (request) => {
        const staff = signedIn(request.user)
        const scope = await staffCommunities(db, staff)
        const at = clock().toISOString()
        const { decision, reason } = request.body
        await db.transaction().execute(async (trx) => {
          const member = await trx.selectFrom('members').selectAll().where('id', '=', request.params.id).executeTakeFirst()
          if (!member) throw notFound.registration()
          if (Array.isArray(scope) && !scope.includes(member.community_id)) throw errors.forbidden()
          // Deciding one's own registration would let staff vouch for themselves (and verifying would demote them).
          if (member.user_id === staff.id) throw new ApiError(403, 'FORBIDDEN', '不能审核自己的报到', 'You cannot decide your own registration')
          const updated = await trx
            .updateTable('members')
            .set({ status: decision === 'verify' ? 'verified' : 'rejected', reason: reason ?? null, decided_at: at, decided_by: staff.id })
            .where('id', '=', member.id)
            .where('status', '=', 'pending')
            .executeTakeFirst()
          if (Number(updated.numUpdatedRows) === 0) throw new ApiError(409, 'ALREADY_DECIDED', '该报到已审核', 'This registration has already been decided')
          if (decision === 'verify') await trx.updateTable('users').set({ role: 'member', updated_at: at }).where('id', '=', member.user_id).execute()
          await recordChange(trx, { actorId: staff.id, entity: 'member', entityId: member.id, action: decision, detail: { reason }, at })
        })
        const row = await db.selectFrom('members').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow()
        return { member: toMember(row) }
      },
    )
  }
