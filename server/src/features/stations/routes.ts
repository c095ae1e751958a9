import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema, originOf, type Origin } from '../../shared/params.js'
import type { Quotas } from '../../shared/quota.js'
import { browseStations, describeStation } from './browse.js'
import type { StationCatalog } from './catalog.js'
import { createStationCommands } from './commands.js'
import { createOpenDataFeed } from './opendata.js'
import { findReports, findStationChanges } from './queries.js'
import {
  reportCreateSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportResolveSchema,
  reportResponseSchema,
  serviceToggleParamsSchema,
  serviceToggleSchema,
  stationChangesResponseSchema,
  stationCreateSchema,
  stationDetailQuerySchema,
  stationDetailResponseSchema,
  stationFeatureCollectionSchema,
  stationListQuerySchema,
  stationListResponseSchema,
  stationPatchSchema,
} from './schemas.js'

/** Lists and details may be kept by clients but must be revalidated: the ETag makes that a cheap 304. */
const REVALIDATE = 'no-cache'

/**
 * A public station response is a function of the request URL, the catalog's version and the minute on the clock
 * (open-now). A client compares an ETag only with the copy it holds of the same URL, so the version and the minute
 * are all the tag needs. Hashing the body instead (what the global @fastify/etag does for other routes), or the URL,
 * showed in the bench.
 */
const stationsEtag = (version: string, now: Date) => `"st-${version}-${String(Math.floor(now.getTime() / 60_000))}"`
const JSON_UTF8 = 'application/json; charset=utf-8'
/**
 * Sends JSON a route has written itself (the station list by the catalog's encoder, the GeoJSON feed): a string with
 * a JSON content type goes out as it is, past the route's serializer. Written in the handler, so a failure while
 * writing it reaches the error handler like any other.
 */
const sendWritten = (reply: FastifyReply, json: string, type = JSON_UTF8) => reply.type(type).send(json)
/**
 * Open data is polled by portals and map apps, not read by a person waiting for a change: a few minutes' copy is fine,
 * and after that the ETag (the catalog's version) makes the poll a 304.
 */
const OPEN_DATA_CACHE = 'public, max-age=300'
const STAFF = ['staff'] as const
/** Lets the handlers answer 304 with no body; the document's 304 is described once, in shared/openapi.ts. */
const notModified = z.void()

export const stationRoutes =
  (db: Db, catalog: StationCatalog, clock: () => Date, quotas: Quotas): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createStationCommands(db, clock, catalog.invalidate, quotas)
    const openDataFeed = createOpenDataFeed()

    const detail = async (id: string, origin?: Origin) => {
      const record = (await catalog.all()).records.find((s) => s.id === id)
      if (!record) throw notFound.station()
      return { station: describeStation(record, origin, clock()) }
    }
    /** Sets the revalidation headers; true when the client's copy is still right (a 304 follows). */
    const revalidate = (request: FastifyRequest, reply: FastifyReply, version: string, now: Date) => {
      const etag = stationsEtag(version, now)
      reply.header('cache-control', REVALIDATE).header('etag', etag)
      return request.headers['if-none-match'] === etag
    }
    const currentReport = async (id: string) => {
      const [report] = await findReports(db, { id })
      if (!report) throw notFound.report()
      return { report }
    }

    app.get(
      '/api/stations',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Stations, nearest first',
          tags: ['stations'],
          description: 'Party–mass service stations; nearest first when lat/lng (GCJ-02) are given.',
          querystring: stationListQuerySchema,
          response: { 200: stationListResponseSchema, 304: notModified },
        },
      },
      async (request, reply) => {
        const { service, kind, openNow, access, limit, cursor } = request.query
        const { records, version, encodeList } = await catalog.all()
        const now = clock()
        if (revalidate(request, reply, version, now)) return reply.code(304).send(undefined)
        const page = browseStations(records, {
          kind,
          service,
          origin: originOf(request.query),
          openNow,
          access,
          limit,
          cursor,
          now,
        })
        return sendWritten(reply, encodeList(page))
      },
    )

    app.get(
      '/api/stations.geojson',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Every station as open data (GeoJSON)',
          tags: ['stations'],
          description:
            'A GeoJSON FeatureCollection (application/geo+json) of every station: a Point each in WGS-84 (the ' +
            'stored GCJ-02 converted), its names, kind, address, the services available now, hours and when it last ' +
            'changed. Nothing about people. Cached 5 minutes, then revalidated with the ETag.',
          produces: ['application/geo+json'],
          response: { 200: stationFeatureCollectionSchema, 304: notModified },
        },
      },
      async (request, reply) => {
        const snapshot = await catalog.all()
        const etag = `"gj-${snapshot.version}"`
        reply.header('cache-control', OPEN_DATA_CACHE).header('etag', etag)
        if (request.headers['if-none-match'] === etag) return reply.code(304).send(undefined)
        return sendWritten(reply, openDataFeed(snapshot), 'application/geo+json; charset=utf-8')
      },
    )

    app.get(
      '/api/stations/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A station',
          errors: [404],
          tags: ['stations'],
          params: idParamsSchema,
          querystring: stationDetailQuerySchema,
          response: { 200: stationDetailResponseSchema, 304: notModified },
        },
      },
      async (request, reply) => {
        const { version } = await catalog.all()
        if (revalidate(request, reply, version, clock())) return reply.code(304).send(undefined)
        return detail(request.params.id, originOf(request.query))
      },
    )

    app.post(
      '/api/stations',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Add a station (staff)',
          tags: ['stations', 'staff'],
          body: stationCreateSchema,
          response: { 201: stationDetailResponseSchema },
        },
      },
      async (request, reply) => {
        const id = await commands.create(signedIn(request.user), request.body)
        return reply.status(201).send(await detail(id))
      },
    )

    app.patch(
      '/api/stations/:id',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Change a station (staff)',
          errors: [404],
          tags: ['stations', 'staff'],
          params: idParamsSchema,
          body: stationPatchSchema,
          response: { 200: stationDetailResponseSchema },
        },
      },
      async (request) => {
        await commands.update(signedIn(request.user), request.params.id, request.body)
        return detail(request.params.id)
      },
    )

    app.patch(
      '/api/stations/:id/services/:key',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Switch a service on or off (staff)',
          errors: [404],
          tags: ['stations', 'staff'],
          description: "Toggles one service's live availability (e.g. hot water paused).",
          params: serviceToggleParamsSchema,
          body: serviceToggleSchema,
          response: { 200: stationDetailResponseSchema },
        },
      },
      async (request) => {
        await commands.setService(signedIn(request.user), request.params.id, request.params.key, request.body)
        return detail(request.params.id)
      },
    )

    app.get(
      '/api/stations/:id/changes',
      {
        config: { access: STAFF },
        schema: {
          summary: 'A station’s change log (staff)',
          errors: [404],
          tags: ['stations', 'staff'],
          params: idParamsSchema,
          response: { 200: stationChangesResponseSchema },
        },
      },
      async (request) => ({ items: await findStationChanges(db, signedIn(request.user), request.params.id) }),
    )

    app.post(
      '/api/stations/:id/reports',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Report a problem at a station',
          errors: [404],
          tags: ['stations'],
          description:
            'Report a problem with a station (no hot water, closed though shown open…). At most ' +
            'QUOTA_REPORTS_PER_HOUR a person an hour; beyond that 429 RATE_LIMITED with Retry-After.',
          params: idParamsSchema,
          body: reportCreateSchema,
          response: { 201: reportResponseSchema },
        },
      },
      async (request, reply) => {
        const reporter = signedIn(request.user)
        await app.checkText({ 问题描述: request.body.text }, reporter.id)
        const id = await commands.report(reporter, request.params.id, request.body)
        return reply.status(201).send(await currentReport(id))
      },
    )

    app.get(
      '/api/stations/reports',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Problem reports (staff)',
          tags: ['stations', 'staff'],
          querystring: reportListQuerySchema,
          response: { 200: reportListResponseSchema },
        },
      },
      async (request) => ({
        items: await findReports(db, { status: request.query.status, viewer: signedIn(request.user) }),
      }),
    )

    app.post(
      '/api/stations/reports/:id/resolve',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Resolve a problem report (staff)',
          errors: [404, 409],
          tags: ['stations', 'staff'],
          params: idParamsSchema,
          body: reportResolveSchema,
          response: { 200: reportResponseSchema },
        },
      },
      async (request) => {
        await commands.resolveReport(signedIn(request.user), request.params.id, request.body.note)
        return currentReport(request.params.id)
      },
    )
  }
