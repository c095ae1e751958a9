import { z } from 'zod'
import { idParamsSchema, originQuery, placePosition } from '../../shared/params.js'
import {
  booleanQuery,
  coordinatesTogether,
  coordinatesTogetherRule,
  identifier,
  line,
  paragraph,
  patchOf,
  rule,
  token,
} from '../../shared/validation.js'
import { photoUrlSchema } from '../uploads/photos.js'
import { openRangeSchema, weeklyHoursSchema } from './hours.js'
import { nameSchemas } from '../../shared/openapi-components.js'
import { REPORT_LIMITS, SERVICE_NOTE_LENGTH, STATION_LIMITS } from '../../shared/values/limits.js'
import { ACCESS_FACTS, REPORT_CATEGORIES, SERVICE_KEYS, STATION_KINDS } from '../../shared/values/orders.js'

export const serviceKeySchema = z.enum(SERVICE_KEYS)
export type ServiceKey = z.infer<typeof serviceKeySchema>

export const stationKindSchema = z.enum(STATION_KINDS)
export type StationKind = z.infer<typeof stationKindSchema>

export type AccessFact = (typeof ACCESS_FACTS)[number]
export const accessFactSchema = z.enum(ACCESS_FACTS)
const accessValueSchema = z.enum(['yes', 'no', 'unknown'])
export const stationAccessSchema = z
  .object(
    Object.fromEntries(ACCESS_FACTS.map((fact) => [fact, accessValueSchema])) as Record<
      AccessFact,
      typeof accessValueSchema
    >,
  )
  .describe(
    'stepFree: step-free entrance; accessibleToilet; babyCare: nursing / changing room; seating: a seat to rest. "unknown" until staff say',
  )
export type StationAccess = z.infer<typeof stationAccessSchema>

/** `access=stepFree,babyCare`: the facts that must all be "yes". */
const accessQuery = z
  .string()
  .transform((text) => [...new Set(text.split(',').map((fact) => fact.trim()))])
  .pipe(z.array(accessFactSchema).min(1).max(ACCESS_FACTS.length))
  .describe(`comma-separated, each one of ${ACCESS_FACTS.join(', ')}: only stations where every one is "yes"`)

export const stationListQuerySchema = z
  .object({
    service: serviceKeySchema.optional(),
    kind: stationKindSchema.optional(),
    ...originQuery,
    openNow: booleanQuery.optional(),
    access: accessQuery.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: token(64).optional(),
  })
  .refine(coordinatesTogether, coordinatesTogetherRule)
export type StationListQuery = z.input<typeof stationListQuerySchema>

export const stationServiceSchema = z.object({
  key: serviceKeySchema,
  available: z.boolean(),
})

export const stationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: stationKindSchema,
  communityId: z
    .string()
    .nullable()
    .describe('the community whose staff look after it; null: not assigned yet, district staff only'),
  address: z.string(),
  lat: z.number().describe('GCJ-02 latitude'),
  lng: z.number().describe('GCJ-02 longitude'),
  services: z.array(stationServiceSchema),
  access: stationAccessSchema,
  openNow: z.boolean(),
  distanceM: z.number().int().nullable().describe('metres from lat/lng of the query, null without them'),
})
export type StationSummary = z.infer<typeof stationSummarySchema>

export const stationListResponseSchema = z.object({
  items: z.array(stationSummarySchema),
  nextCursor: z.string().nullable(),
})
export type StationListResponse = z.infer<typeof stationListResponseSchema>

export const stationDetailSchema = stationSummarySchema.extend({
  phone: z.string().nullable(),
  hours: weeklyHoursSchema,
  /** Today's ranges on the Shanghai clock, for the "today" line of the detail page. */
  todayHours: z.array(openRangeSchema),
  services: z.array(stationServiceSchema.extend({ note: z.string().nullable() })),
  photos: z.array(z.string()),
  /** Service pledges a 共产党员店 publishes. */
  pledges: z.array(z.string()),
})
export type StationDetail = z.infer<typeof stationDetailSchema>
export const stationDetailResponseSchema = z.object({ station: stationDetailSchema })
export type StationDetailResponse = z.infer<typeof stationDetailResponseSchema>

export const stationDetailQuerySchema = z
  .object({
    ...originQuery,
  })
  .refine(coordinatesTogether, coordinatesTogetherRule)

export const stationServiceInputSchema = z.object({
  key: serviceKeySchema,
  available: z.boolean().default(true),
  note: line(SERVICE_NOTE_LENGTH, 0).nullable().optional(),
})

export const stationCreateSchema = z.object({
  /** Optional for staff bound to exactly one community (theirs is taken); a district account names it. */
  communityId: identifier().optional(),
  name: line(STATION_LIMITS.name),
  nameEn: line(STATION_LIMITS.nameEn).optional(),
  kind: stationKindSchema,
  address: line(STATION_LIMITS.address),
  ...placePosition,
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'expected a phone number')
    .nullable()
    .optional(),
  hours: weeklyHoursSchema,
  services: z
    .array(stationServiceInputSchema)
    .max(SERVICE_KEYS.length)
    .refine(
      (list) => new Set(list.map((s) => s.key)).size === list.length,
      rule('每项服务只能出现一次', 'each service only once'),
    ),
  photos: z.array(photoUrlSchema).max(STATION_LIMITS.photos).default([]),
  pledges: z.array(line(STATION_LIMITS.pledges.length)).max(STATION_LIMITS.pledges.items).default([]),
  /** A new station's unnamed facts are "unknown"; a change names only the facts it changes. */
  access: stationAccessSchema.partial().default({}),
})
export type StationCreate = z.input<typeof stationCreateSchema>
export const stationPatchSchema = patchOf(stationCreateSchema)
export type StationPatch = z.input<typeof stationPatchSchema>

export const serviceToggleParamsSchema = idParamsSchema.extend({ key: serviceKeySchema })
/** Either or both: switching a service off keeps its note, and a note can change without switching it. */
export const serviceToggleSchema = patchOf(
  z.object({
    available: z.boolean(),
    note: line(SERVICE_NOTE_LENGTH, 0).nullable().optional(),
  }),
)
export type ServiceToggle = z.infer<typeof serviceToggleSchema>

export const reportCreateSchema = z.object({
  category: z.enum(REPORT_CATEGORIES),
  text: paragraph(REPORT_LIMITS.text, 0).default(''),
})
export type ReportCreate = z.input<typeof reportCreateSchema>

export const stationReportSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  category: z.enum(REPORT_CATEGORIES),
  text: z.string(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  reporterNickname: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
})
export type StationReport = z.infer<typeof stationReportSchema>
export const reportResponseSchema = z.object({ report: stationReportSchema })
export const reportListQuerySchema = z.object({ status: z.enum(['open', 'resolved']).default('open') })
export const reportListResponseSchema = z.object({ items: z.array(stationReportSchema) })
export type StationReportList = z.infer<typeof reportListResponseSchema>
export const reportResolveSchema = z.object({ note: paragraph(200, 0).optional() })

export const stationChangeSchema = z.object({
  id: z.string(),
  action: z.string(),
  actorNickname: z.string().nullable(),
  detail: z.unknown(),
  createdAt: z.string(),
})
export const stationChangesResponseSchema = z.object({ items: z.array(stationChangeSchema) })
export type StationChanges = z.infer<typeof stationChangesResponseSchema>

export const stationFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number(), z.number()]).describe('[longitude, latitude] in WGS-84 (converted from GCJ-02)'),
  }),
  properties: z.object({
    id: z.string(),
    name: z.string(),
    nameEn: z.string(),
    kind: stationKindSchema,
    address: z.string(),
    services: z.array(serviceKeySchema).describe('the services available now'),
    access: stationAccessSchema,
    hours: weeklyHoursSchema,
    updatedAt: z.string().describe('when staff last changed the station'),
  }),
})
export const stationFeatureCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(stationFeatureSchema) })
  .describe('Every station as a GeoJSON (RFC 7946) FeatureCollection of Points in WGS-84')
export type StationFeatureCollection = z.infer<typeof stationFeatureCollectionSchema>

nameSchemas({
  ServiceKey: serviceKeySchema,
  StationKind: stationKindSchema,
  StationAccess: stationAccessSchema,
  StationSummary: stationSummarySchema,
  StationListResponse: stationListResponseSchema,
  StationDetail: stationDetailSchema,
  StationDetailResponse: stationDetailResponseSchema,
  StationReport: stationReportSchema,
  StationReportList: reportListResponseSchema,
  StationChanges: stationChangesResponseSchema,
  StationFeatureCollection: stationFeatureCollectionSchema,
})
