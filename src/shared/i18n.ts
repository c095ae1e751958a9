import { en } from './locales/en'
import { zh, type Message, type MessageKey, type Plural } from './locales/zh'

export type Language = 'zh' | 'en'
export type { MessageKey }

const dictionaries: Record<Language, Record<MessageKey, Message>> = { zh, en }

/**
 * English's rule (one for exactly 1, other for the rest), written out because the mini-program runtime does not
 * promise `Intl.PluralRules` on every phone.
 */
const pluralForm = (count: unknown): keyof Plural => (Number(count) === 1 ? 'one' : 'other')

/** Looks a key up, picks its plural form by `n`, and fills `{name}` placeholders. */
export function translate(language: Language, key: MessageKey, params?: Record<string, string | number>): string {
  const message = dictionaries[language][key]
  const text = typeof message === 'string' ? message : message[pluralForm(params?.n)]
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')) : text
}
