import Taro from '@tarojs/taro'
import { currentUser } from '../../shared/auth'
import { call } from '../../shared/client'

/** 我的 is the fifth tab. */
const ME_TAB = 4

/**
 * Puts the unread count on the 我的 tab (none when logged out or all read) and returns it. Best effort: offline, or
 * on a page without the tab bar, the badge simply stays as it was.
 */
export async function refreshUnreadBadge(): Promise<number> {
  let unread = 0
  if (currentUser()) {
    try {
      unread = (await call('GET /api/me/notices', { query: { limit: 1 }, toast: false })).unread
    } catch {
      return 0
    }
  }
  const shown =
    unread > 0
      ? Taro.setTabBarBadge({ index: ME_TAB, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: ME_TAB })
  await Promise.resolve(shown).catch(() => undefined)
  return unread
}
