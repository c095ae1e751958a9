import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { idParamsSchema } from '../../shared/params.js'
import type { Quotas } from '../../shared/quota.js'
import type { User } from '../auth/schemas.js'
import { staffCommunities } from '../community/scope.js'
import { createWishCommands, type WishCommands } from './commands.js'
import type { WishActor } from './lifecycle.js'
import { findMyWishes, findReviewQueue, findWish, findWishWall, wishActorOf } from './queries.js'
import {
  confirmSchema,
  disputeSchema,
  fulfilSchema,
  myWishesResponseSchema,
  releaseSchema,
  emptyBodySchema,
  reviewSchema,
  staffNoteSchema,
  wishCreateSchema,
  wishListQuerySchema,
  wishListResponseSchema,
  wishResponseSchema,
  type WishStep,
} from './schemas.js'
import { z } from 'zod'

const tags = ['wishes']
const stepSummaries = {
  release: 'Give a claimed wish back',
  fulfil: 'Report a claimed wish fulfilled',
  confirm: 'Confirm a fulfilled wish',
  dispute: 'Dispute a fulfilled wish',
  withdraw: 'Withdraw my wish',
  settle: 'Settle a dispute as fulfilled (staff)',
  reopen: 'Settle a dispute by reopening the wish (staff)',
} satisfies Partial<Record<WishStep, string>>

/** What a step's route takes as its body: its command's input, anything (an empty body) when it takes none. */
type StepInput<N extends keyof typeof stepSummaries> =
  Parameters<WishCommands[N]> extends [WishActor, string, infer I] ? I : unknown

export const wishRoutes =
  (db: Db, clock: () => Date, quotas: Quotas): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createWishCommands(db, clock, quotas)
    const actorOf = (user: User | null) => wishActorOf(db, signedIn(user))
    const viewFor = async (id: string, actor: WishActor | null) => ({ wish: await findWish(db, id, actor) })

    /** One route per step of the wish's life, each through the one transition table. */
    function step<N extends keyof typeof stepSummaries>(
      name: N,
      body: z.ZodType<StepInput<N>>,
      /** Checks on the text the person sent, made before anything changes. */
      check?: (input: StepInput<N>, user: User) => Promise<void>,
    ) {
      app.post(
        `/api/wishes/:id/${name}`,
        {
          config: { access: 'user' },
          schema: {
            summary: stepSummaries[name],
            errors: [403, 404, 409],
            tags,
            params: idParamsSchema,
            body,
            response: { 200: wishResponseSchema },
          },
        },
        async (request) => {
          const input = request.body as StepInput<N>
          const actor = await actorOf(request.user)
          await check?.(input, actor.user)
          const take = commands[name] as (actor: WishActor, id: string, input: StepInput<N>) => Promise<void>
          await take(actor, request.params.id, input)
          return viewFor(request.params.id, actor)
        },
      )
    }

    app.post(
      '/api/wishes',
      {
        config: { access: ['resident', 'member', 'staff'] },
        schema: {
          summary: 'Post a wish',
          tags,
          description:
            'Post a micro-wish; it waits for staff review. A resident may have QUOTA_WISHES_OPEN waiting or ' +
            'open and post QUOTA_WISHES_PER_DAY a day; beyond that 429 RATE_LIMITED with Retry-After. ' +
            '代办: staff of the community post for a resident without an account with `onBehalfOf` {name, phone} and ' +
            '`consent`; the wish is published at once (`onBehalf: true`) and audited with the consent. `onBehalfOf` ' +
            'from anyone but staff of that community is 403 FORBIDDEN, not 400: the body is well formed, the caller ' +
            'may not speak for someone else; staff without `onBehalfOf` are 403 as well (staff post only for residents).',
          errors: [403],
          body: wishCreateSchema,
          response: { 201: wishResponseSchema },
        },
      },
      async (request, reply) => {
        const actor = await actorOf(request.user)
        const input = request.body
        await app.checkText(
          {
            标题: input.title,
            描述: input.description,
            方便联系的时间: input.preferredTime,
            居民姓名: input.onBehalfOf?.name,
          },
          actor.user.id,
        )
        const id = await commands.submit(actor, input)
        return reply.status(201).send(await viewFor(id, actor))
      },
    )

    app.get(
      '/api/wishes',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The wish wall',
          tags,
          description: 'The public wish wall: urgent ones first, then newest or nearest; names masked, no phones.',
          querystring: wishListQuerySchema,
          response: { 200: wishListResponseSchema },
        },
      },
      async (request) => findWishWall(db, request.query),
    )

    app.get(
      '/api/wishes/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A wish',
          errors: [404],
          tags,
          params: idParamsSchema,
          response: { 200: wishResponseSchema },
        },
      },
      async (request) => viewFor(request.params.id, request.user ? await actorOf(request.user) : null),
    )

    app.get(
      '/api/me/wishes',
      {
        config: { access: 'user' },
        schema: { summary: 'My wishes, posted or claimed', tags, response: { 200: myWishesResponseSchema } },
      },
      async (request) => ({ items: await findMyWishes(db, signedIn(request.user).id) }),
    )

    app.get(
      '/api/wishes/review-queue',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Wishes to review or settle (staff)',
          tags: [...tags, 'staff'],
          response: { 200: myWishesResponseSchema },
        },
      },
      async (request) => ({ items: await findReviewQueue(db, await staffCommunities(db, request.user)) }),
    )

    app.post(
      '/api/wishes/:id/review',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Publish or reject a wish (staff)',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: reviewSchema,
          response: { 200: wishResponseSchema },
        },
      },
      async (request) => {
        const actor = await actorOf(request.user)
        await commands.review(actor, request.params.id, request.body)
        return viewFor(request.params.id, actor)
      },
    )

    app.post(
      '/api/wishes/:id/claim',
      {
        config: { access: ['member'] },
        schema: {
          summary: 'Claim a wish',
          errors: [404, 409],
          tags,
          description: 'Exactly once: the first verified member wins, everyone after gets 409 WISH_ALREADY_CLAIMED.',
          params: idParamsSchema,
          response: { 200: wishResponseSchema },
        },
      },
      async (request) => {
        const actor = await actorOf(request.user)
        await commands.claim(actor, request.params.id)
        return viewFor(request.params.id, actor)
      },
    )

    step('release', releaseSchema, (b, user) => app.checkText({ 原因: b.reason }, user.id))
    step('fulfil', fulfilSchema, (b, user) => app.checkText({ 完成说明: b.note }, user.id))
    step('confirm', confirmSchema, (b, user) => app.checkText({ 感谢留言: b.thanks }, user.id))
    step('dispute', disputeSchema, (b, user) => app.checkText({ 异议: b.reason }, user.id))
    step('withdraw', emptyBodySchema)
    step('settle', staffNoteSchema)
    step('reopen', staffNoteSchema)
  }
