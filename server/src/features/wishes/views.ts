import type { Db } from '../../db/index.js'
import { distanceMetres } from '../../shared/geo.js'
import type { WishesTable } from '../../db/schema.js'
import type { WishFull, WishPublic } from './schemas.js'

/** 张三丰 → 张**: the public sees that a real neighbour asked, not who. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  return chars.length === 0 ? '居民' : `${chars[0]}**`
}

type Row = WishesTable & {
  community_name: string
  community_name_en: string
  community_lat: number | null
  community_lng: number | null
  resident_nickname: string | null
  claimant_nickname: string | null
  poster_nickname: string | null
}

export function selectWishes(db: Db) {
  return db
    .selectFrom('wishes as w')
    .innerJoin('communities as c', 'c.id', 'w.community_id')
    .leftJoin('users as r', 'r.id', 'w.resident_id')
    .leftJoin('users as m', 'm.id', 'w.claimed_by')
    .leftJoin('users as p', 'p.id', 'w.posted_by')
    .selectAll('w')
    .select((eb) => [
      'c.name as community_name',
      eb.fn.coalesce('c.name_en', 'c.name').as('community_name_en'),
      'c.lat as community_lat',
      'c.lng as community_lng',
      'r.nickname as resident_nickname',
      'm.nickname as claimant_nickname',
      'p.nickname as poster_nickname',
    ])
}

const photoUrls = (json: string) => (JSON.parse(json) as string[]).map((id) => `/api/uploads/${id}`)

export function publicView(row: Row, origin?: { lat: number; lng: number }): WishPublic {
  const place =
    row.community_lat !== null && row.community_lng !== null
      ? { lat: Number(row.community_lat), lng: Number(row.community_lng) }
      : null
  return {
    id: row.id,
    category: row.category as WishPublic['category'],
    title: row.title,
    description: row.description,
    communityId: row.community_id,
    communityName: row.community_name,
    communityNameEn: row.community_name_en,
    urgent: Number(row.urgent) === 1,
    preferredTime: row.preferred_time,
    photos: photoUrls(row.photos_json),
    status: row.status,
    residentName: maskName(row.on_behalf_name ?? row.resident_nickname ?? ''),
    onBehalf: row.posted_by !== null,
    createdAt: row.created_at,
    ...(origin && { distanceM: place ? Math.round(distanceMetres(origin, place)) : null }),
  }
}

/**
 * The whole wish for those involved. The resident's own phone on a wish staff posted for them (代办) goes only to staff
 * (`forStaff`: staff of its community, or the one who posted it); the claimant calls the poster on `contactPhone`.
 */
export function fullView(row: Row, forStaff: boolean): WishFull {
  return {
    ...publicView(row),
    residentId: row.resident_id,
    residentName: row.on_behalf_name ?? row.resident_nickname ?? '已注销用户',
    contactPhone: row.contact_phone,
    reviewReason: row.review_reason,
    claimedBy: row.claimed_by ? { id: row.claimed_by, nickname: row.claimant_nickname ?? '' } : null,
    claimedAt: row.claimed_at,
    fulfilNote: row.fulfil_note,
    fulfilPhoto: row.fulfil_photo_id ? `/api/uploads/${row.fulfil_photo_id}` : null,
    hoursServed: row.hours_served === null ? null : Number(row.hours_served),
    fulfilledAt: row.fulfilled_at,
    confirmedAt: row.confirmed_at,
    thanks: row.thanks,
    disputeReason: row.dispute_reason,
    postedBy: row.posted_by ? { id: row.posted_by, nickname: row.poster_nickname ?? '' } : null,
    ...(forStaff &&
      row.on_behalf_name !== null && {
        onBehalfOf: { name: row.on_behalf_name, phone: row.on_behalf_phone ?? '', consent: row.on_behalf_consent! },
      }),
  }
}
