import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { openSync, type Font } from 'fontkit'

/**
 * Text for images the server draws (posters) as SVG outlines of Noto Sans SC from its npm package: the production
 * image has no system fonts, let alone Chinese ones, and an SVG `<text>` would be drawn by whatever the renderer finds
 * there. Outlines need no font at render time, so the poster looks the same on every machine.
 */
export type Weight = 400 | 700

export interface TextStyle {
  size: number
  weight: Weight
  fill: string
}

const FONT_FILES = dirname(
  createRequire(__filename).resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2'),
)

/**
 * For each weight: the simplified-Chinese file first (7 900 characters, Latin included), then the package's numbered
 * subsets, opened only when a character is missing from every font opened so far (a rare character in a name).
 */
function fontsOf(weight: Weight) {
  const primary = openSync(`${FONT_FILES}/noto-sans-sc-chinese-simplified-${weight}-normal.woff2`)
  const subsetNames = readdirSync(FONT_FILES).filter((name) =>
    new RegExp(`^noto-sans-sc-(\\d+|latin-ext|vietnamese|cyrillic)-${weight}-normal\\.woff2$`).test(name),
  )
  const opened: Font[] = [primary]
  return (codePoint: number): Font => {
    const found = opened.find((font) => font.hasGlyphForCodePoint(codePoint))
    if (found) return found
    while (subsetNames.length > 0) {
      const font = openSync(`${FONT_FILES}/${subsetNames.shift()!}`)
      opened.push(font)
      if (font.hasGlyphForCodePoint(codePoint)) return font
    }
    // Nowhere: the primary font's .notdef box at least shows something is there.
    return primary
  }
}

const fontFor: Record<Weight, ((codePoint: number) => Font) | undefined> = { 400: undefined, 700: undefined }
const pickFont = (weight: Weight) => (fontFor[weight] ??= fontsOf(weight))

/** `text` cut into runs that one font draws, each laid out by that font (kerning, ligatures within the run). */
function runsOf(text: string, weight: Weight) {
  const pick = pickFont(weight)
  const runs: { font: Font; text: string }[] = []
  for (const char of text) {
    const font = pick(char.codePointAt(0)!)
    const last = runs.at(-1)
    if (last?.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  return runs.map(({ font, text: run }) => ({ font, layout: font.layout(run) }))
}

/** How wide `text` is in this style, in pixels. */
export function measureText(text: string, style: Pick<TextStyle, 'size' | 'weight'>): number {
  return runsOf(text, style.weight).reduce(
    (width, { font, layout }) =>
      width + (layout.positions.reduce((sum, p) => sum + p.xAdvance, 0) * style.size) / font.unitsPerEm,
    0,
  )
}

/** `text` as one SVG path element, its baseline starting at (x, y), or centred on x with `align: 'middle'`. */
export function drawText(text: string, x: number, y: number, style: TextStyle, align: 'start' | 'middle' = 'start') {
  let penX = align === 'middle' ? x - measureText(text, style) / 2 : x
  const outlines: string[] = []
  for (const { font, layout } of runsOf(text, style.weight)) {
    const scale = style.size / font.unitsPerEm
    layout.glyphs.forEach((glyph, index) => {
      const position = layout.positions[index]!
      outlines.push(
        glyph.path
          .scale(scale, -scale)
          .translate(penX + position.xOffset * scale, y - position.yOffset * scale)
          .toSVG(),
      )
      penX += position.xAdvance * scale
    })
  }
  return `<path fill="${style.fill}" d="${outlines.join('')}"/>`
}

const words = new Intl.Segmenter('zh', { granularity: 'word' })

/**
 * `text` broken into lines no wider than `maxWidth`: between words (a Chinese word as ICU segments it, an English word
 * with its space), and inside a word only when it alone is too wide. At most `maxLines`, the last ending in '…'.
 */
export function wrapText(text: string, style: Pick<TextStyle, 'size' | 'weight'>, maxWidth: number, maxLines = 3) {
  const fits = (line: string) => measureText(line.trimEnd(), style) <= maxWidth
  const lines: string[] = []
  let line = ''
  for (const { segment } of words.segment(text)) {
    if (fits(line + segment)) {
      line += segment
      continue
    }
    if (line.trim()) lines.push(line.trimEnd())
    line = ''
    for (const char of segment.trimStart()) {
      if (!fits(line + char)) {
        lines.push(line)
        line = ''
      }
      line += char
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = kept[maxLines - 1]!
  while (last && !fits(`${last}…`)) last = last.slice(0, -1)
  kept[maxLines - 1] = `${last}…`
  return kept
}

/**
 * Items (热水 Hot water, 充电 Charging…) set in lines no wider than `maxWidth`, joined by `separator`, never breaking
 * inside an item unless it alone is too wide.
 */
export function wrapItems(
  items: string[],
  separator: string,
  style: Pick<TextStyle, 'size' | 'weight'>,
  maxWidth: number,
  maxLines = 3,
) {
  const lines: string[] = []
  for (const item of items) {
    const joined = lines.length ? `${lines.at(-1)!}${separator}${item}` : item
    if (lines.length && measureText(joined, style) <= maxWidth) lines[lines.length - 1] = joined
    else lines.push(...wrapText(item, style, maxWidth, maxLines))
  }
  return lines.length <= maxLines ? lines : wrapText(lines.join(separator), style, maxWidth, maxLines)
}
