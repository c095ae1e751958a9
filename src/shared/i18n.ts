import { en } from './locales/en'
import { zh, type MessageKey } from './locales/zh'
import { KEYS, readStorage } from './storage'

export type Language = 'zh' | 'en'
export type { MessageKey }

const dictionaries: Record<Language, Record<MessageKey, string>> = { zh, en }

export const initialLanguage = (): Language => (readStorage<Language>(KEYS.language) === 'en' ? 'en' : 'zh')

/** Looks a key up and fills `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[language][key]
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')) : text
}
