import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { ApiError, errors } from '../../shared/errors.js'
import { newId } from '../../shared/ids.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema } from '../../shared/params.js'

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024

/** The file's own first bytes decide its type, not what the client claims. */
function sniffImage(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg'
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (data.length > 12 && data.toString('ascii', 0, 4) === 'RIFF' && data.toString('ascii', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

export const uploadResponseSchema = z.object({ upload: z.object({ id: z.string(), url: z.string(), size: z.number().int() }) })
export type UploadResponse = z.infer<typeof uploadResponseSchema>

export const uploadRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    // Photos arrive as the raw file body: the app reads the chosen file and sends its bytes with wx.request.
    app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) =>
      done(null, body),
    )

    app.post(
      '/api/uploads',
      {
        config: { access: 'user' },
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: { tags: ['uploads'], description: 'A JPEG, PNG or WebP photo of at most 2 MB, sent as the request body.', response: { 201: uploadResponseSchema } },
      },
      async (request, reply) => {
        const owner = signedIn(request.user)
        const data = request.body
        if (!Buffer.isBuffer(data) || data.length === 0) throw errors.badRequest('请选择一张照片', 'Send a photo as the request body')
        const mime = sniffImage(data)
        if (!mime) throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '只支持 JPG、PNG、WebP 格式的照片', 'Only JPEG, PNG and WebP photos are accepted')
        const id = newId('up')
        await db.insertInto('uploads').values({ id, owner_id: owner.id, mime, size: data.length, data, created_at: clock().toISOString() }).execute()
        return reply.status(201).send({ upload: { id, url: `/api/uploads/${id}`, size: data.length } })
      },
    )

    app.get(
      '/api/uploads/:id',
      { config: { access: 'public' }, schema: { tags: ['uploads'], params: idParamsSchema } },
      async (request, reply) => {
        const row = await db.selectFrom('uploads').select(['mime', 'data']).where('id', '=', request.params.id).executeTakeFirst()
        if (!row) throw notFound.photo()
        return reply.type(row.mime).header('cache-control', 'public, max-age=31536000, immutable').send(Buffer.from(row.data))
      },
    )
  }
