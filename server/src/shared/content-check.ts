import { ApiError } from './errors.js'

/**
 * The locally kept word list: clear-cut categories a community notice board must not carry (gambling,
 * pornography, drugs, fraud, violence). WeChat's msgSecCheck is the second line when AUTH_MODE=wechat.
 */
const BLOCKED_WORDS = [
  '赌博', '网赌', '赌球', '博彩', '六合彩', '百家乐', '老虎机', '时时彩',
  '色情', '约炮', '裸聊', '招嫖', '援交', '黄色网站',
  '毒品', '冰毒', '海洛因', '大麻', '摇头丸', 'K粉',
  '代开发票', '办假证', '洗钱', '刷单返利', '套现', '裸贷', '高利贷',
  '枪支', '炸药', '买枪', '杀人',
  '法轮',
].map((w) => w.toLowerCase())

/** Folds the tricks people use to slip a word past a filter: spaces, punctuation, full-width letters, case. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]/gu, '')
}

export function findBlockedWord(text: string): string | null {
  const folded = normalise(text)
  return BLOCKED_WORDS.find((w) => folded.includes(w)) ?? null
}

/** Refuses text that fails the check, before anything is written. */
export function assertAcceptableText(field: string, text: string): void {
  if (findBlockedWord(text)) {
    throw new ApiError(
      400,
      'CONTENT_REJECTED',
      `“${field}”中含有不适宜发布的内容，请修改后再提交`,
      `The ${field} contains words that cannot be published; please change it and try again`,
    )
  }
}
