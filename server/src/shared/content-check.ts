import type { FastifyBaseLogger } from 'fastify'
import { ApiError } from './errors.js'
import { normalizeForChecking } from './text.js'
import type { WechatClient } from './wechat.js'

/**
 * The locally kept word list: clear-cut categories a community notice board must not carry (gambling,
 * pornography, drugs, fraud, violence). WeChat's msgSecCheck is the second line when AUTH_MODE=wechat.
 */
const BLOCKED_WORDS = [
  '赌博',
  '网赌',
  '赌球',
  '博彩',
  '六合彩',
  '百家乐',
  '老虎机',
  '时时彩',
  '色情',
  '约炮',
  '裸聊',
  '招嫖',
  '援交',
  '黄色网站',
  '毒品',
  '冰毒',
  '海洛因',
  '大麻',
  '摇头丸',
  'K粉',
  '代开发票',
  '办假证',
  '洗钱',
  '刷单返利',
  '套现',
  '裸贷',
  '高利贷',
  '枪支',
  '炸药',
  '买枪',
  '杀人',
  '法轮',
].map((w) => w.toLowerCase())

/**
 * Folds the tricks people use to slip a word past a filter: invisible characters, full-width letters (both by
 * normalizeForChecking), then case, spaces and punctuation.
 */
const foldForWordList = (text: string) =>
  normalizeForChecking(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]/gu, '')

export function findBlockedWord(text: string): string | null {
  const folded = foldForWordList(text)
  return BLOCKED_WORDS.find((w) => folded.includes(w)) ?? null
}

const rejected = (fields: string[]) =>
  new ApiError(
    400,
    'CONTENT_REJECTED',
    `“${fields.join('、')}”中含有不适宜发布的内容，请修改后再提交`,
    `The ${fields.join(' and ')} contains words that cannot be published; please change it and try again`,
  )

/** Field label (as the person saw it on the form) → the text they typed; empty ones are skipped. */
export type TextFields = Record<string, string | null | undefined>

/** Refuses user text before anything is written: throws CONTENT_REJECTED naming the field. */
export type TextCheck = (fields: TextFields, userId: string) => Promise<void>

declare module 'fastify' {
  interface FastifyInstance {
    checkText: TextCheck
  }
}

/**
 * The local word list always; with WeChat, also `msgSecCheck` (v2) on the same text, which WeChat requires of a
 * mini-program that publishes what users write. Both judge the text as normalized for checking (`shared/text.ts`):
 * WeChat is sent what the word list read, without the invisible characters that would split a word for it. If
 * WeChat cannot be reached the local verdict stands (logged): an outage must not stop a resident asking for help, and
 * every wish is read by staff before it is published.
 */
export function createTextCheck(options: {
  wechat: WechatClient | null
  openidOf(userId: string): Promise<string | null>
  log: FastifyBaseLogger
}): TextCheck {
  return async (fields, userId) => {
    const given = Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
    )
    const blocked = given.filter(([, text]) => findBlockedWord(text)).map(([label]) => label)
    if (blocked.length) throw rejected(blocked)
    if (!options.wechat || given.length === 0) return
    try {
      const openid = await options.openidOf(userId)
      const answer = await options.wechat.post<{ errcode?: number; result?: { suggest?: string; label?: number } }>(
        '/wxa/msg_sec_check',
        {
          content: given.map(([, text]) => normalizeForChecking(text)).join('\n'),
          version: 2,
          scene: 3, // 论坛: text shown to others
          openid,
        },
      )
      if (answer.result?.suggest === 'risky') throw rejected(given.map(([label]) => label))
    } catch (error) {
      if (error instanceof ApiError) throw error
      options.log.warn({ err: error }, 'msgSecCheck unavailable; the local check stands')
    }
  }
}
