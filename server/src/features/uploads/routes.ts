import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { errors } from '../../shared/errors.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { idParamsSchema } from '../../shared/params.js'
import type { Quotas } from '../../shared/quota.js'
import { createPhotoStore } from './commands.js'
import { photoForViewer, type PhotoSize } from './queries.js'
import type { PhotoRules } from './uses.js'

export const uploadResponseSchema = z.object({
  upload: z.object({
    id: z.string(),
    url: z.string(),
    thumbUrl: z.string().describe('The small copy (at most 400 px) for lists and form previews'),
    size: z.number().int().describe('Bytes kept after re-encoding'),
  }),
})
export type UploadResponse = z.infer<typeof uploadResponseSchema>
nameSchemas({ UploadResponse: uploadResponseSchema })

export const uploadRoutes =
  (
    db: Db,
    clock: () => Date,
    quotas: Pick<Quotas, 'uploadsPerDay'>,
    maxMegabytes: number,
    photoRules: PhotoRules,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const maxBytes = Math.floor(maxMegabytes * 1024 * 1024)
    const storePhoto = createPhotoStore(db, quotas.uploadsPerDay)
    // Photos arrive as the raw file body: the app reads the chosen file and sends its bytes with wx.request.
    app.addContentTypeParser(
      ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: maxBytes },
      (_req, body, done) => done(null, body),
    )

    app.post(
      '/api/uploads',
      {
        config: { access: 'user' },
        bodyLimit: maxBytes,
        schema: {
          summary: 'Upload a photo',
          tags: ['uploads'],
          description:
            `A JPEG, PNG or WebP photo of at most ${maxMegabytes} MB (QUOTA_UPLOAD_MAX_MB), sent as the request ` +
            'body; a bigger one is 413. It is decoded and written anew ' +
            '(upright, at most 1600 px, JPEG, no EXIF/GPS/XMP/ICC/comments) with a thumbnail; a file that does not ' +
            'decode is 415. QUOTA_UPLOADS_PER_DAY per person; beyond that 429 RATE_LIMITED with Retry-After, ' +
            'decided before the file is decoded. Refused from the header: over 50 megapixels or 200 MB decoded 413, ' +
            'a progressive JPEG of more than 32 scans 415. Photos are decoded a few at a time; when too many wait, ' +
            '503 UPLOADS_BUSY with Retry-After.',
          response: { 201: uploadResponseSchema },
        },
      },
      async (request, reply) => {
        const owner = signedIn(request.user)
        const data = request.body
        if (!Buffer.isBuffer(data) || data.length === 0)
          throw errors.badRequest('请选择一张照片', 'Send a photo as the request body')
        const { id, size } = await storePhoto(owner, data, clock())
        const url = `/api/uploads/${id}`
        return reply.status(201).send({ upload: { id, url, thumbUrl: `${url}/thumb`, size } })
      },
    )

    const served: [string, PhotoSize][] = [
      ['/api/uploads/:id', 'photo'],
      ['/api/uploads/:id/thumb', 'thumb'],
    ]
    for (const [path, size] of served) {
      app.get(
        path,
        {
          config: { access: 'public' },
          schema: {
            summary: size === 'photo' ? 'A photo' : 'A photo’s thumbnail',
            errors: [404],
            tags: ['uploads'],
            description:
              `The stored ${size === 'photo' ? 'photo' : 'thumbnail'}. A wish photo is public only while its wish is on the ` +
              'wall; after that its uploader, the resident, the claimant and the community staff get it, everyone else 404.',
            params: idParamsSchema,
            produces: ['image/jpeg'],
            response: { 200: z.instanceof(Buffer).describe('The image’s bytes') },
          },
        },
        async (request, reply) => {
          const photo = await photoForViewer(db, photoRules, request.params.id, size, request.user)
          return reply
            .type(photo.mime)
            .header('cache-control', photo.cacheControl)
            .header('content-disposition', 'inline')
            .send(photo.bytes)
        },
      )
    }
  }
