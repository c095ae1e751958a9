import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { devLoginEnabled, type Config } from '../../config.js'
import { ApiError, errors } from '../../shared/errors.js'
import { authResponseSchema, devLoginBodySchema, meResponseSchema, wechatLoginBodySchema } from './schemas.js'
import type { Sessions } from './sessions.js'
import { code2Session } from './wechat.js'

export const authRoutes =
  (config: Config, sessions: Sessions): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/wechat',
      {
        config: { access: 'public' },
        schema: { tags: ['auth'], body: wechatLoginBodySchema, response: { 200: authResponseSchema } },
      },
      async (request) => {
        let openid: string
        if (config.AUTH_MODE === 'wechat') openid = await code2Session(config, request.body.code)
        else if (config.AUTH_MODE === 'cloud' && typeof request.headers['x-wx-openid'] === 'string')
          openid = request.headers['x-wx-openid']
        else
          throw new ApiError(503, 'WECHAT_LOGIN_UNAVAILABLE', '此服务器未开启微信登录', 'WeChat login is not enabled on this server')
        const user = await sessions.upsertUser(openid, {})
        return { token: await sessions.issueToken(user.id), user }
      },
    )

    if (devLoginEnabled(config)) {
      app.post(
        '/api/auth/dev',
        {
          config: { access: 'public' },
          schema: {
            tags: ['auth'],
            description: 'Development login as a demo identity. Exists only with AUTH_DEV_LOGIN=1 outside production.',
            body: devLoginBodySchema,
            response: { 200: authResponseSchema },
          },
        },
        async (request) => {
          const { openid, role, nickname } = request.body
          const user = await sessions.upsertUser(`dev:${openid}`, { role, nickname })
          return { token: await sessions.issueToken(user.id), user }
        },
      )
    }

    app.get(
      '/api/me',
      { config: { access: 'user' }, schema: { tags: ['auth'], response: { 200: meResponseSchema } } },
      async (request) => {
        if (!request.user) throw errors.unauthenticated()
        return { user: request.user }
      },
    )
  }
