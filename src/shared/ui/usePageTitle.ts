import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Puts `title` (in the reader's language, or what the page shows, e.g. a station's name) in the navigation bar
 * over the static Chinese one in the page's config: each time the page comes into view and whenever the title
 * changes while it is in view. The bar belongs to the page on top, so a page underneath (a tab while 设置 switches
 * the language) leaves it alone and puts its own title back when it is shown again.
 */
export function usePageTitle(title: string) {
  const inView = useRef(false)
  useDidShow(() => {
    inView.current = true
    void Taro.setNavigationBarTitle({ title })
  })
  useDidHide(() => {
    inView.current = false
  })
  useEffect(() => {
    if (inView.current) void Taro.setNavigationBarTitle({ title })
  }, [title])
}
