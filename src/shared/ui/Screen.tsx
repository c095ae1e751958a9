import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useSettings } from '../settings'

/** The root of every page: carries the large-text mode so each page's sizes scale together. */
export function Screen({ children, className = '' }: { children: ReactNode; className?: string }) {
  const { largeFont, language } = useSettings()
  return <View className={`screen ${largeFont ? 'screen--large' : ''} lang-${language} ${className}`}>{children}</View>
}
