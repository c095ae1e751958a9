/**
 * A short name for the browser that asked for a desk code, from its User-Agent, for the phone's confirm screen: the
 * person approving should recognise their own computer ("Chrome 131 · Windows") and hesitate at anything else. The
 * first match wins, so browsers that also claim to be Chrome or Safari come first.
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/MicroMessenger\/(\d+)/, '微信'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
]
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

export function browserOf(userAgent: string | undefined): string {
  const agent = userAgent ?? ''
  const browser = BROWSERS.flatMap(([pattern, name]) => {
    const match = pattern.exec(agent)
    return match ? [`${name} ${match[1] ?? ''}`.trim()] : []
  })[0]
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1]
  return [browser ?? '未知浏览器 unknown browser', system].filter(Boolean).join(' · ')
}
