import Taro from '@tarojs/taro'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { translate, type Language, type MessageKey } from './i18n'
import { startsInLargeFont } from './large-font'
import { KEYS, readStorage, writeStorage } from './storage'

interface Settings {
  language: Language
  largeFont: boolean
  setLanguage(language: Language): void
  setLargeFont(on: boolean): void
  t(key: MessageKey, params?: Record<string, string | number>): string
  /** Of a text the API sends in both languages (a name, a title), the one to show: `inLanguage(s.name, s.nameEn)`. */
  inLanguage(zh: string, en: string): string
}

const SettingsContext = createContext<Settings | null>(null)

/** The language outside React (request errors, toasts), kept in step with the provider. */
let activeLanguage: Language = readStorage<Language>(KEYS.language) === 'en' ? 'en' : 'zh'
export const currentLanguage = () => activeLanguage

/** WeChat's own text size in px; the browser has none. */
function wechatFontPx(): number | undefined {
  if (process.env.TARO_ENV !== 'weapp') return undefined
  try {
    return Taro.getAppBaseInfo().fontSizeSetting
  } catch {
    return undefined
  }
}

const TAB_KEYS: MessageKey[] = ['tab.home', 'tab.stations', 'tab.lectures', 'tab.wishes', 'tab.me']

function applyTabBar(language: Language) {
  TAB_KEYS.forEach((key, index) => {
    Taro.setTabBarItem({ index, text: translate(language, key) }).catch(() => {
      // Not on a tab page yet: the next page shown applies it.
    })
  })
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(activeLanguage)
  const [largeFont, setLargeFontState] = useState<boolean>(() =>
    startsInLargeFont(readStorage<boolean>(KEYS.largeFont), wechatFontPx()),
  )

  useEffect(() => {
    activeLanguage = language
    if (language === 'en') applyTabBar(language)
  }, [language])

  const setLanguage = useCallback((next: Language) => {
    writeStorage(KEYS.language, next)
    activeLanguage = next
    setLanguageState(next)
    applyTabBar(next)
  }, [])

  const setLargeFont = useCallback((on: boolean) => {
    writeStorage(KEYS.largeFont, on)
    setLargeFontState(on)
  }, [])

  // Stable while the language stays, so what is built from them (the map's markers) is kept across large text.
  const t = useCallback<Settings['t']>((key, params) => translate(language, key, params), [language])
  const inLanguage = useCallback((zh: string, en: string) => (language === 'en' ? en : zh), [language])
  const value = useMemo<Settings>(
    () => ({ language, largeFont, setLanguage, setLargeFont, t, inLanguage }),
    [language, largeFont, setLanguage, setLargeFont, t, inLanguage],
  )
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>
}

export function useSettings(): Settings {
  const settings = useContext(SettingsContext)
  if (!settings) throw new Error('useSettings outside SettingsProvider')
  return settings
}
