import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/**
 * A long list drawn one page of items per group: no parent holds more than `pageSize` children (WeChat's quality
 * check wants at most 60), and a page loaded at the bottom reaches the view as one new node, not the list again.
 */
export function PagedList<T>({
  items,
  pageSize = 20,
  className,
  children,
}: {
  items: T[]
  pageSize?: number
  className?: string
  /** Draws one item, keyed. */
  children(item: T): ReactNode
}) {
  const pages: T[][] = []
  for (let start = 0; start < items.length; start += pageSize) pages.push(items.slice(start, start + pageSize))
  return (
    <View className={className}>
      {pages.map((page, index) => (
        <View key={index}>{page.map(children)}</View>
      ))}
    </View>
  )
}
