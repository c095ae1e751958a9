import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { errors } from '../../shared/errors.js'
import { databaseAnswers, READY_TIMEOUT_MS } from './queries.js'

export const systemRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Is the server up',
          tags: ['system'],
          description: 'Liveness: the process answers. No I/O, so a slow database never gets the instance restarted.',
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async () => ({ ok: true as const }),
    )

    app.get(
      '/api/ready',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Can this instance take requests',
          tags: ['system'],
          description:
            `Readiness: the database answers \`select 1\` within ${READY_TIMEOUT_MS} ms. 503 while it does not, and while ` +
            'the instance is shutting down, so the platform routes requests elsewhere.',
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async () => {
        if (!(await databaseAnswers(db))) throw errors.databaseUnavailable()
        return { ok: true as const }
      },
    )

    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())
  }
