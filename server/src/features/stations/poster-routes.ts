import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema } from '../../shared/params.js'
import { visibleCommunities } from '../community/scope.js'
import type { CatalogSnapshot, StationCatalog } from './catalog.js'
import type { DoorCodes } from './door-code.js'
import { bookOfPosters, renderPoster } from './poster.js'
import type { StationRecord } from './queries.js'

/**
 * Door posters: one station's as PNG for anyone (a visitor may print the one they found), and every station a staff
 * user acts for as one PDF to print. A poster is drawn once per station and catalog version and then kept, so asking
 * again (or for the PDF after the single posters) costs nothing, and nobody can make the server draw more than one
 * poster per station between two changes.
 */
export const posterRoutes =
  (db: Db, catalog: StationCatalog, doorCodes: DoorCodes, publicBaseUrl: string | undefined): FastifyPluginAsyncZod =>
  async (app) => {
    const drawn = new Map<string, { version: string; poster: Promise<Buffer> }>()
    const posterOf = (record: StationRecord, { version }: CatalogSnapshot, origin: string) => {
      const kept = drawn.get(record.id)
      if (kept?.version === version) return kept.poster
      const poster = doorCodes(record.id, publicBaseUrl ?? origin).then((code) => renderPoster(record, code))
      drawn.set(record.id, { version, poster })
      poster.catch(() => drawn.delete(record.id))
      return poster
    }

    app.get(
      '/api/stations/:id/poster.png',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A station’s door poster (PNG)',
          errors: [404],
          tags: ['stations'],
          description:
            'A printable A5 poster (1240 × 1754 px, 213 dpi): names in Chinese and English, kind, services, hours, ' +
            'and a code that opens the station: a 小程序码 from WeChat when the server has WeChat credentials, else an ' +
            'ordinary QR code of the station’s H5 page (PUBLIC_BASE_URL). 503 WECHAT_UNAVAILABLE when WeChat does ' +
            'not hand out the code.',
          params: idParamsSchema,
          produces: ['image/png'],
          response: { 200: z.instanceof(Buffer).describe('The poster’s PNG bytes') },
        },
      },
      async (request, reply) => {
        const snapshot = await catalog.all()
        const record = snapshot.records.find((s) => s.id === request.params.id)
        if (!record) throw notFound.station()
        const poster = await posterOf(record, snapshot, `${request.protocol}://${request.host}`)
        return reply
          .type('image/png')
          .header('cache-control', 'no-cache')
          .header('content-disposition', `inline; filename="poster-${record.id}.png"`)
          .send(poster)
      },
    )

    app.get(
      '/api/staff/posters.pdf',
      {
        config: { access: ['staff'] },
        schema: {
          summary: 'Door posters of my stations, as one PDF (staff)',
          errors: [404],
          tags: ['stations', 'staff'],
          description:
            'One A5 poster per page for every station of the communities the caller acts for (all for a district account).',
          produces: ['application/pdf'],
          response: { 200: z.instanceof(Buffer).describe('The PDF’s bytes') },
        },
      },
      async (request, reply) => {
        const communities = await visibleCommunities(db, signedIn(request.user))
        const snapshot = await catalog.all()
        const mine = snapshot.records.filter(
          (r) => communities === null || (r.communityId !== null && communities.includes(r.communityId)),
        )
        if (mine.length === 0)
          throw errors.notFound('您负责的社区还没有服务站', 'The communities you act for have no stations yet')
        const origin = `${request.protocol}://${request.host}`
        const posters: Buffer[] = []
        // One after another: each is a few hundred milliseconds of CPU, and requests of other people wait behind them.
        for (const record of mine) posters.push(await posterOf(record, snapshot, origin))
        return reply
          .type('application/pdf')
          .header('content-disposition', 'attachment; filename="posters.pdf"')
          .send(await bookOfPosters(posters, '古城红驿 门牌码 · Old Town Hub door codes'))
      },
    )
  }
