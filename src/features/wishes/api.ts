import Taro from '@tarojs/taro'
import type { CommunityList, MyWishes, UploadResponse, WishCreate, WishList, WishResponse } from '@contract'
import { request, requestWithOfflineCopy } from '../../shared/request'

export type WishFilter = { category?: string; communityId?: string }

export const wishWall = (filter: WishFilter, cursor?: string) =>
  requestWithOfflineCopy<WishList>('/api/wishes', { category: filter.category, communityId: filter.communityId, cursor })
export const communities = () => request<CommunityList>('GET', '/api/communities', { toast: false })
export const getWish = (id: string) => request<WishResponse>('GET', `/api/wishes/${encodeURIComponent(id)}`, { toast: false })
export const postWish = (body: WishCreate) => request<WishResponse>('POST', '/api/wishes', { body })
export const myWishes = () => request<MyWishes>('GET', '/api/me/wishes', { toast: false })
export const reviewQueue = () => request<MyWishes>('GET', '/api/wishes/review-queue', { toast: false })

export type WishAction = 'claim' | 'release' | 'fulfil' | 'confirm' | 'dispute' | 'withdraw' | 'review'
export const actOnWish = (id: string, action: WishAction, body: object = {}) =>
  request<WishResponse>('POST', `/api/wishes/${encodeURIComponent(id)}/${action}`, { body })

/** Reads the chosen photo and sends its bytes; the server checks type and size from the bytes themselves. */
export async function uploadPhoto(path: string): Promise<UploadResponse['upload']> {
  const bytes =
    process.env.TARO_ENV === 'h5'
      ? await (await fetch(path)).arrayBuffer()
      : (Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer)
  const type = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg'
  return (await request<UploadResponse>('POST', '/api/uploads', { body: bytes, contentType: type })).upload
}
