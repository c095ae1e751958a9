import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.js'
import type { User } from '../features/auth/schemas.js'
import type { Authenticate } from './access.js'
import { errors } from './errors.js'

const WRITE_METHODS = ['POST', 'PATCH', 'PUT', 'DELETE']
const DESK_POLL = /^\/api\/auth\/desk\/[^/?]+\/poll(?:\?|$)/

/** Looks the caller up once per request, for the rate limits (which run first) and then the access gate. */
export function authenticateOnce(authenticate: Authenticate): Authenticate {
  const callers = new WeakMap<FastifyRequest, Promise<User | null>>()
  return (request) => {
    let caller = callers.get(request)
    if (!caller) {
      caller = authenticate(request)
      callers.set(request, caller)
    }
    return caller
  }
}

/**
 * Request-rate limits, counted in this instance's memory, before the access gate and any handler: a signed-in
 * person is counted as themself on whatever network, everyone else by address (`request.ip`, which believes
 * X-Forwarded-For only from TRUST_PROXY), so an invalid token counts against the address too. Over a limit: 429
 * RATE_LIMITED with Retry-After. What a person may store is decided by the database instead (shared/quota.ts).
 */
export async function registerRateLimits(app: FastifyInstance, config: Config, identify: Authenticate): Promise<void> {
  await app.register(rateLimit, { global: false })
  const callerKey = async (request: FastifyRequest) => {
    const user = request.routeOptions.config.access === undefined ? null : await identify(request)
    return user ? `user:${user.id}` : `ip:${request.ip}`
  }
  const limit = (max: number) =>
    app.createRateLimit({ max, timeWindow: config.RATE_WINDOW_MS, keyGenerator: callerKey })
  const isWrite = (request: FastifyRequest) => WRITE_METHODS.includes(request.method) && request.url.startsWith('/api/')
  const limits = [
    { appliesTo: () => true, check: limit(config.RATE_GLOBAL_MAX) },
    { appliesTo: isWrite, check: limit(config.RATE_WRITE_MAX) },
    {
      // A desk polling its sign-in code is no login attempt: its secret cannot be guessed, and a poll every 2 s
      // for the code's two minutes would pass the login limit. The write limit still counts it.
      appliesTo: (request: FastifyRequest) =>
        request.method === 'POST' && request.url.startsWith('/api/auth/') && !DESK_POLL.test(request.url),
      check: limit(config.RATE_LOGIN_MAX),
    },
  ]

  app.addHook('onRequest', async (request) => {
    for (const { appliesTo, check } of limits) {
      if (!appliesTo(request)) continue
      const result = await check(request)
      if (!result.isAllowed && result.isExceeded) throw errors.rateLimited(Math.max(1, result.ttlInSeconds))
    }
  })
}
