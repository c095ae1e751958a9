import type { Font } from 'fontkit'
import { fontChain, fontRuns, openForOutlines, type Weight } from './fonts.js'

/**
 * Text for images the server draws (posters) as SVG outlines of Noto Sans SC (shared/fonts.ts): an SVG `<text>` would
 * be drawn by whatever fonts the renderer finds on the machine. Outlines need no font at render time, so the poster
 * looks the same on every machine.
 */
export interface TextStyle {
  size: number
  weight: Weight
  fill: string
}

const fontFor: Record<Weight, ((codePoint: number) => Font) | undefined> = { 400: undefined, 700: undefined }
const pickFont = (weight: Weight) => (fontFor[weight] ??= fontChain(weight, openForOutlines))

/** `text` cut into runs that one font draws, each laid out by that font (kerning, ligatures within the run). */
const runsOf = (text: string, weight: Weight) =>
  fontRuns(text, pickFont(weight)).map(({ font, text: run }) => ({ font, layout: font.layout(run) }))

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
