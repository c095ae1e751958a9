import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Role, User } from '../features/auth/schemas.js'
import { errors } from './errors.js'

/** Who may call a route: anyone, any logged-in user, or only the listed roles. */
export type Access = 'public' | 'user' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    user: User | null
  }
}

export type Authenticate = (request: FastifyRequest) => Promise<User | null>

/**
 * The single gate for every API route. A route under /api must declare `config.access`, or the server
 * refuses to start; the gate then checks the caller before any handler or body parsing runs.
 */
export function registerAccessControl(app: FastifyInstance, authenticate: Authenticate) {
  app.decorateRequest('user', null)

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && route.config?.access === undefined && route.method !== 'HEAD') {
      throw new Error(`Route ${String(route.method)} ${route.url} must declare config.access`)
    }
  })

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (access === undefined) return
    request.user = await authenticate(request)
    if (access === 'public') return
    if (!request.user) throw errors.unauthenticated()
    if (access !== 'user' && !access.includes(request.user.role)) throw errors.forbidden()
  })
}

/**
 * The caller of a route whose access is 'user' or a role list: the gate has already refused anyone else, so this
 * only narrows the type (and still refuses, should a route's access ever be loosened to 'public').
 */
export function signedIn(user: User | null): User {
  if (!user) throw errors.unauthenticated()
  return user
}
