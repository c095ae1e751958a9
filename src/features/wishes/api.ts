import type { CommunityList, MyWishes, WishList, WishResponse } from '@contract'
import type { Body } from '../../shared/client'
import { request, requestWithOfflineCopy } from '../../shared/request'

type WishCreate = Body<'POST /api/wishes'>

export type WishFilter = {
  category?: string
  communityId?: string
  urgentOnly?: boolean
  near?: { lat: number; lng: number }
}

export const wishWall = (filter: WishFilter, cursor?: string) =>
  requestWithOfflineCopy<WishList>('/api/wishes', {
    category: filter.category,
    communityId: filter.communityId,
    urgent: filter.urgentOnly ? 'true' : undefined,
    ...(filter.near && { sort: 'nearest', lat: filter.near.lat.toFixed(4), lng: filter.near.lng.toFixed(4) }),
    cursor,
  })
export const communities = () => request<CommunityList>('GET', '/api/communities', { toast: false })
export const getWish = (id: string) =>
  request<WishResponse>('GET', `/api/wishes/${encodeURIComponent(id)}`, { toast: false })
export const postWish = (body: WishCreate) => request<WishResponse>('POST', '/api/wishes', { body })
export const myWishes = () => request<MyWishes>('GET', '/api/me/wishes', { toast: false })
export const reviewQueue = () => request<MyWishes>('GET', '/api/wishes/review-queue', { toast: false })

export type WishAction =
  'claim' | 'release' | 'fulfil' | 'confirm' | 'dispute' | 'withdraw' | 'review' | 'settle' | 'reopen'
export const actOnWish = (id: string, action: WishAction, body: object = {}) =>
  request<WishResponse>('POST', `/api/wishes/${encodeURIComponent(id)}/${action}`, { body })
