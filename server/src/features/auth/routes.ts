import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { devLoginEnabled, type Config } from '../../config.js'
import { signedIn } from '../../shared/access.js'
import { ApiError } from '../../shared/errors.js'
import { logInAsDemo } from './commands.js'
import {
  authResponseSchema,
  devLoginBodySchema,
  loginOptionsSchema,
  logoutBodySchema,
  logoutResponseSchema,
  meResponseSchema,
  wechatLoginBodySchema,
} from './schemas.js'
import type { AuthSessions } from './auth-sessions.js'
import type { Db } from '../../db/index.js'
import { z } from 'zod'
import type { WechatClient } from '../../shared/wechat.js'

export const authRoutes =
  (config: Config, db: Db, authSessions: AuthSessions, wechat: WechatClient | null): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/auth/options',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Ways to log in on this server',
          tags: ['auth'],
          description: 'Which ways of logging in this server offers, so the app shows only those.',
          response: { 200: loginOptionsSchema },
        },
      },
      async () => ({ wechat: config.AUTH_MODE !== 'none', dev: devLoginEnabled(config) }),
    )

    app.post(
      '/api/auth/wechat',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Log in with WeChat',
          errors: [401],
          tags: ['auth'],
          body: wechatLoginBodySchema,
          response: { 200: authResponseSchema },
        },
      },
      async (request) => {
        let openid: string | null
        if (wechat) openid = await wechat.code2Session(request.body.code)
        else if (config.AUTH_MODE === 'cloud' && typeof request.headers['x-wx-openid'] === 'string')
          openid = request.headers['x-wx-openid']
        else
          throw new ApiError(
            503,
            'WECHAT_LOGIN_UNAVAILABLE',
            '此服务器未开启微信登录',
            'WeChat login is not enabled on this server',
          )
        if (!openid) {
          throw new ApiError(
            401,
            'INVALID_WECHAT_CODE',
            '微信登录凭证无效或已过期，请重试',
            'The WeChat login code is invalid or expired; try again',
          )
        }
        const user = await authSessions.upsertUser(openid, {})
        return { token: await authSessions.issueToken(user.id), user }
      },
    )

    if (devLoginEnabled(config)) {
      app.post(
        '/api/auth/dev',
        {
          config: { access: 'public' },
          schema: {
            summary: 'Log in as a demo identity (development only)',
            tags: ['auth'],
            description:
              'Development login as a demo identity. Exists only with AUTH_DEV_LOGIN=1 and NODE_ENV development or test.',
            body: devLoginBodySchema,
            response: { 200: authResponseSchema },
          },
        },
        async (request) => {
          const user = await logInAsDemo(db, authSessions, request.body)
          return { token: await authSessions.issueToken(user.id), user }
        },
      )
    }

    app.post(
      '/api/auth/logout',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Log out',
          tags: ['auth'],
          description:
            'Ends the session whose token is sent (the token answers 401 from then on); with {"everywhere":true} ' +
            'every session of the person, on all devices.',
          body: logoutBodySchema,
          response: { 200: logoutResponseSchema },
        },
      },
      async (request) => {
        const everywhere = request.body?.everywhere ?? false
        return { sessionsEnded: await authSessions.endAuthSessions(request, signedIn(request.user).id, everywhere) }
      },
    )

    app.delete(
      '/api/me',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Delete my account',
          tags: ['auth'],
          description: 'Deletes the account (PIPL): name, phone, registration and sessions go; anonymised counts stay.',
          response: { 200: z.object({ deleted: z.literal(true) }) },
        },
      },
      async (request) => {
        await authSessions.deleteAccount(signedIn(request.user).id)
        return { deleted: true as const }
      },
    )

    app.get(
      '/api/me',
      {
        config: { access: 'user' },
        schema: { summary: 'Who I am', tags: ['auth'], response: { 200: meResponseSchema } },
      },
      async (request) => {
        return { user: signedIn(request.user) }
      },
    )
  }
