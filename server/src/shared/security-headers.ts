import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Config } from '../config.js'

/** A year, with subdomains: once a browser has seen the API over HTTPS it never tries plain HTTP again. */
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The H5 build's index.html sets the root font size in one inline script before the app loads; the policy allows
 * exactly that script by its hash (read from the build being served), and no other inline script.
 */
export function inlineScriptHashes(staticDir: string | undefined): string[] {
  const index = staticDir ? join(staticDir, 'index.html') : null
  if (!index || !existsSync(index)) return []
  const html = readFileSync(index, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  )
}

/**
 * Security headers on every answer (the H5 app, the API, photos, errors): a Content-Security-Policy under which
 * the app runs and nothing else does, no framing, no MIME sniffing, no Referer, and HSTS when the request came over
 * HTTPS (directly, or through the proxy TRUST_PROXY names). No CORS: the app and the API share an origin and the
 * mini-program is not a browser, so no other site's page may read the API.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config, staticDir: string | undefined) {
  const headers = await headersOf({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(staticDir)],
        scriptSrcAttr: ["'none'"],
        // Taro's H5 components add their <style> elements at run time, and React writes style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // data: for inlined icons, blob: for a photo just chosen, CSP_IMG_HOSTS for the map's tiles.
        imgSrc: ["'self'", 'data:', 'blob:', ...config.CSP_IMG_HOSTS],
        // blob: so a chosen photo's bytes can be read before they are uploaded.
        connectSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent below, and only over HTTPS: over plain HTTP a browser ignores it, and a local run must stay reachable.
    strictTransportSecurity: false,
    // Photos are shown by the app on its own origin (and by the mini-program, which is not a browser).
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers)
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS)
    done()
  })
}

/**
 * The headers @fastify/helmet sets with these options, worked out once by the plugin itself in a throwaway
 * instance. They are the same on every answer, but the plugin builds helmet anew (and parses the policy again) for
 * each request: the stations bench found that the largest cost of a list request after writing to the socket.
 */
async function headersOf(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify()
  await probe.register(fastifyHelmet, options)
  // Seen from the handler, the response holds exactly what helmet's request hook set, nothing of Fastify's own yet.
  probe.get('/', async (_request, reply) => reply.raw.getHeaders())
  const headers = (await probe.inject({ method: 'GET', url: '/' })).json<Record<string, string>>()
  await probe.close()
  return headers
}
