import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { browseStations } from './browse.js'
import type { StationCatalog } from './catalog.js'
import { stationListQuerySchema, stationListResponseSchema } from './schemas.js'

export const stationRoutes =
  (catalog: StationCatalog, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/stations',
      {
        config: { access: 'public' },
        schema: {
          tags: ['stations'],
          description: 'Party–mass service stations; nearest first when lat/lng (GCJ-02) are given.',
          querystring: stationListQuerySchema,
          response: { 200: stationListResponseSchema },
        },
      },
      async (request) => {
        const { service, kind, lat, lng, openNow, limit, cursor } = request.query
        return browseStations(await catalog.all(), {
          kind,
          service,
          origin: lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
          openNow,
          limit,
          cursor,
          now: clock(),
        })
      },
    )
  }
