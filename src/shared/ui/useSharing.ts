import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { pagePath, queryString, type Page, type QueryOf } from '@values/pages'

export interface Sharing<P extends Page> {
  title: string
  /** The page opened from the share (`wishes/detail`) and what it reads from its query (`{ id: 'w_123' }`). */
  page: P
  query: QueryOf<P>
}

/**
 * A page people pass on, to a chat and to Moments (朋友圈), which WeChat opens on the same page with `query`. WeChat
 * asks a page for either only when its config says `enableShareAppMessage` / `enableShareTimeline`.
 */
export function useSharing<P extends Page>(sharing: () => Sharing<P>): void {
  useShareAppMessage(() => {
    const { title, page, query } = sharing()
    return { title, path: `/${pagePath(page)}?${queryString(query)}` }
  })
  useShareTimeline(() => {
    const { title, query } = sharing()
    return { title, query: queryString(query) }
  })
}
