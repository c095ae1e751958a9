import { callWithOfflineCopy, type Query } from '../../shared/client'

export type WishFilter = {
  category?: Query<'GET /api/wishes'>['category']
  communityId?: string
  urgentOnly?: boolean
  near?: { lat: number; lng: number }
}

const roundTo4 = (degrees: number) => Number(degrees.toFixed(4))

/** The public wall as filtered on the page, nearest first when a position is given; kept offline. */
export const wishWall = (filter: WishFilter, cursor?: string) =>
  callWithOfflineCopy('GET /api/wishes', {
    query: {
      category: filter.category,
      communityId: filter.communityId,
      urgent: filter.urgentOnly ? 'true' : undefined,
      // Four decimals (about 10 m) are all the sort needs.
      ...(filter.near && { sort: 'nearest', lat: roundTo4(filter.near.lat), lng: roundTo4(filter.near.lng) }),
      cursor,
    },
  })
