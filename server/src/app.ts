import fastifyEtag from '@fastify/etag'
import fastifySwagger from '@fastify/swagger'
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Config } from './config.js'
import { isDatabaseUnavailable } from './db/faults.js'
import type { DbHandle } from './db/index.js'
import { activityPresenceRoutes } from './features/activities/presence-routes.js'
import { activityRoutes } from './features/activities/routes.js'
import { authRoutes } from './features/auth/routes.js'
import { createAuthSessions } from './features/auth/auth-sessions.js'
import { deskRoutes } from './features/desk/routes.js'
import { communityRoutes } from './features/community/routes.js'
import { guesthouseRoutes } from './features/guesthouses/routes.js'
import { inboxRoutes } from './features/inbox/routes.js'
import { sessionRoutes } from './features/sessions/routes.js'
import { memberRoutes } from './features/members/routes.js'
import { certificateRoutes } from './features/certificates/routes.js'
import { notificationRoutes } from './features/notifications/routes.js'
import { uploadRoutes } from './features/uploads/routes.js'
import { PHOTO_RULES } from './photo-rules.js'
import { wishRoutes } from './features/wishes/routes.js'
import { targetRoutes, targetsFrom } from './features/targets/routes.js'
import { topicRoutes } from './features/topics/routes.js'
import { createStationCatalog } from './features/stations/catalog.js'
import { sheetRoutes } from './features/sheets/routes.js'
import { createDoorCodes } from './features/stations/door-code.js'
import { posterRoutes } from './features/stations/poster-routes.js'
import { stationRoutes } from './features/stations/routes.js'
import { systemRoutes } from './features/system/routes.js'
import { townRoutes } from './features/town/routes.js'
import { registerAccessControl } from './shared/access.js'
import { createTextCheck } from './shared/content-check.js'
import { wechatClientFor, type WechatClient } from './shared/wechat.js'
import { ApiError, errors } from './shared/errors.js'
import { quotasFrom } from './shared/quota.js'
import { authenticateOnce, registerRateLimits } from './shared/rate-limits.js'
import { declareOperation, openapiOptions } from './shared/openapi.js'
import { boundConnectionsPerAddress, connectionOptions } from './shared/connections.js'
import { fromFastifyError, replyToClientError, replyToFrameworkError } from './shared/http-errors.js'
import { zodResponseSerializer } from './shared/serializer.js'
import { registerSecurityHeaders } from './shared/security-headers.js'
import { registerStaticApp } from './shared/static-app.js'
import { refuseControlCharacters } from './shared/strict-input.js'
import { explainIssue } from './shared/validation.js'

export interface AppDeps {
  config: Config
  database: DbHandle
  /** Injected so tests can put the server at any moment (opening hours, expiries). */
  clock?: () => Date
  /** Directory of the H5 build to serve at `/`, if any. */
  staticDir?: string
  /** The process's one WeChat client (shared with the notice worker); by default one is made for AUTH_MODE=wechat. */
  wechat?: WechatClient | null
}

/** A person's whereabouts are used to sort and then forgotten: request logs keep the URL without them. */
export const withoutPosition = (url: string) => url.replace(/([?&](?:lat|lng)=)[^&]*/g, '$1…')

export async function buildApp({
  config,
  database,
  clock = () => new Date(),
  staticDir,
  wechat = wechatClientFor(config),
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            serializers: {
              req: (request) => ({
                method: request.method,
                url: withoutPosition(request.url),
                remoteAddress: request.ip,
              }),
            },
          },
    bodyLimit: 256 * 1024,
    ...connectionOptions(config),
    trustProxy: config.TRUST_PROXY,
    // Requests that reach an instance while it drains get the standard error shape (below), not Fastify's own 503.
    return503OnClosing: false,
    frameworkErrors: replyToFrameworkError,
    clientErrorHandler: replyToClientError,
  }).withTypeProvider<ZodTypeProvider>()

  // Fastify's own JSON parser, which also refuses a `__proto__` or `constructor.prototype` key rather than pass it on.
  const parseJson = app.getDefaultJsonParser('error', 'error')
  // WeChat's wx.request sends `content-type: application/json` even with no body (a POST that only names
  // its target, like booking a seat): an empty JSON body means "no body", not an error.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined)
    void parseJson(request, body as string, done)
  })
  boundConnectionsPerAddress(app.server, config)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(zodResponseSerializer)
  refuseControlCharacters(app)

  // From SIGTERM on, requests already running finish; new ones (and /api/ready) are turned away so the platform
  // routes them to another instance.
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
  })
  app.addHook('onRequest', async () => {
    if (closing) throw errors.shuttingDown()
  })
  // Every answer during the drain (a request finishing, or one turned away) closes its connection: an idle keep-alive
  // would hold the exit back.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close')
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError)
      return reply
        .status(error.statusCode)
        .headers(error.headers ?? {})
        .send(error.toBody())
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) =>
        explainIssue(
          v.instancePath.replace(/^\//, '').replace(/\//g, '.') || (error.validationContext ?? 'body'),
          v.keyword,
          v.message ?? 'invalid',
          v.params,
        ),
      )
      return reply.status(400).send(errors.validation(details).toBody())
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      const unavailable = errors.databaseUnavailable()
      return reply
        .status(unavailable.statusCode)
        .headers(unavailable.headers ?? {})
        .send(unavailable.toBody())
    }
    const clientError = fromFastifyError(error)
    if (clientError)
      return reply
        .status(clientError.statusCode)
        .headers(clientError.headers ?? {})
        .send(clientError.toBody())
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(errors.internal().toBody())
  })

  app.setNotFoundHandler((request, reply) => {
    const notFound = errors.notFound(
      '找不到该接口或页面',
      `No route for ${request.method} ${request.url.split('?')[0]}`,
    )
    return reply.status(404).send(notFound.toBody())
  })

  // First, so every answer carries them: refusals by the rate limits and the access gate too.
  await registerSecurityHeaders(app, config, staticDir)
  await app.register(fastifyEtag)
  app.addHook('onRoute', declareOperation)
  await app.register(fastifySwagger, openapiOptions)

  const quotas = quotasFrom(config)
  const authSessions = createAuthSessions(database.db, config, clock)
  const identify = authenticateOnce(authSessions.authenticate)
  await registerRateLimits(app, config, identify)
  registerAccessControl(app, identify)
  app.decorate(
    'checkText',
    createTextCheck({
      wechat,
      openidOf: async (userId) =>
        (await database.db.selectFrom('users').select('openid').where('id', '=', userId).executeTakeFirst())?.openid ??
        null,
      log: app.log,
    }),
  )

  await app.register(systemRoutes(database.db))
  await app.register(authRoutes(config, database.db, authSessions, wechat))
  await app.register(deskRoutes(config, database.db, authSessions, clock))
  await app.register(townRoutes(database.db, clock))
  await app.register(communityRoutes(database.db, clock, targetsFrom(config)))
  await app.register(memberRoutes(database.db, clock))
  await app.register(certificateRoutes(database.db, clock, config.PUBLIC_BASE_URL))
  await app.register(wishRoutes(database.db, clock, quotas))
  await app.register(targetRoutes(database.db, clock, targetsFrom(config)))
  await app.register(uploadRoutes(database.db, clock, quotas, config.QUOTA_UPLOAD_MAX_MB, PHOTO_RULES))
  await app.register(guesthouseRoutes(database.db, clock))
  await app.register(topicRoutes(database.db, clock))
  await app.register(sessionRoutes(database.db, clock))
  await app.register(activityRoutes(database.db, clock))
  await app.register(activityPresenceRoutes(database.db, clock))
  await app.register(notificationRoutes(config, database.db, clock))
  await app.register(inboxRoutes(database.db, clock))
  const stationCatalog = createStationCatalog(database.db, config.STATIONS_CACHE_MS)
  await app.register(sheetRoutes(database.db, clock, stationCatalog.invalidate))
  await app.register(stationRoutes(database.db, stationCatalog, clock, quotas))
  await app.register(
    posterRoutes(database.db, stationCatalog, createDoorCodes(wechat, app.log), config.PUBLIC_BASE_URL),
  )

  await registerStaticApp(app, staticDir)

  return app
}
