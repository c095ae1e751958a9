/**
 * WeChat's own text size (我 → 设置 → 通用 → 字体大小), as `getAppBaseInfo().fontSizeSetting` reports it in px: 17 at
 * the standard setting (16 on some Android phones). From 20 px, two steps up, the person reads with text clearly
 * larger than standard, and 长辈模式 starts on by itself.
 */
export const LARGE_WECHAT_FONT_PX = 20

/**
 * Whether the app starts in 长辈模式: what the person chose in 设置 wins, either way; without a choice, WeChat's own text
 * size decides (the browser reports none, and starts standard).
 */
export function startsInLargeFont(chosen: boolean | undefined, wechatFontPx: number | undefined): boolean {
  return chosen ?? (wechatFontPx !== undefined && wechatFontPx >= LARGE_WECHAT_FONT_PX)
}
