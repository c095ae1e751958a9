import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

export interface Sharing {
  title: string
  /** The page opened from the share, without a leading slash: `features/wishes/pages/detail/index`. */
  page: string
  /** What the page reads from its query: `id=w_123`. */
  query: string
}

/**
 * A page people pass on, to a chat and to Moments (朋友圈), which WeChat opens on the same page with `query`. WeChat
 * asks a page for either only when its config says `enableShareAppMessage` / `enableShareTimeline`.
 */
export function useSharing(sharing: () => Sharing): void {
  useShareAppMessage(() => {
    const { title, page, query } = sharing()
    return { title, path: `/${page}?${query}` }
  })
  useShareTimeline(() => {
    const { title, query } = sharing()
    return { title, query }
  })
}
