/**
 * What renders as nothing: format characters (`\p{Cf}`: zero-width space, joiners, word joiner, soft hyphen, BOM,
 * bidi marks) and the rest of Unicode's default-ignorables (variation selectors, the combining grapheme joiner,
 * Hangul fillers).
 */
const IGNORABLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu
/** Blank as well, though a reader sees the gap: whitespace, and the braille blank pasted as an "empty" name. */
const BLANK = /[\s\u2800]/gu

/**
 * Text as a check has to read it, whatever was slipped into it: what renders as nothing taken out (`网\u200B赌` is
 * 网赌), then compatibility forms folded by NFKC (fullwidth `＝` is `=`, `ｋ` is `k`). Taking out first lets NFKC
 * compose what an invisible character kept apart; NFKC never turns a visible character into an ignorable one.
 * For judging only: what is stored and shown is the text as typed (an emoji sequence needs its joiners).
 */
export function normalizeForChecking(text: string): string {
  return text.replace(IGNORABLE, '').normalize('NFKC')
}

/** Whether anything would show once what renders as nothing and blank space are taken out. */
export const hasVisibleText = (text: string) => normalizeForChecking(text).replace(BLANK, '') !== ''

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what the reader sees, so
 * `帮忙\u202Etxt.exe` shows as 帮忙exe.txt. Nobody types them into a Chinese form; they are refused, not stored.
 * (The marks U+200E/U+200F/U+061C only nudge neutral characters and are left alone.)
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
