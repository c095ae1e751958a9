import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** A file named after its content (`app.be012fef.js`): a new build gives it a new name, so it never changes. */
const CONTENT_HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+$/
const COMPRESSED_COPY = /\.(br|gz)$/

export const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The index (and any unhashed file) is asked about on every visit, so a new build is seen at once. */
export const REVALIDATE = 'no-cache'

/**
 * The H5 build at `/`. Its text assets were compressed at build time (brotli and gzip beside each file,
 * config/prod.ts): a browser that accepts one gets it with `Content-Encoding`, so nothing is compressed per request.
 * Hashed assets are cached for a year; the index is revalidated (ETag, Last-Modified) on every visit.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string | undefined) {
  if (!staticDir || !existsSync(staticDir)) return
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // The copies are sent for their originals' URLs, never under names of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders(res, path) {
      const original = basename(path).replace(COMPRESSED_COPY, '')
      res.setHeader('cache-control', CONTENT_HASHED.test(original) ? IMMUTABLE : REVALIDATE)
      res.setHeader('vary', 'accept-encoding')
    },
  })
}
