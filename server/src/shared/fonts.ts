import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { inflateSync } from 'node:zlib'
import fonteditor from 'fonteditor-core'
import { create, openSync, type Font } from 'fontkit'

/**
 * Noto Sans SC from its npm package (@fontsource/noto-sans-sc), the one typeface the server draws Chinese with: the
 * production image has no system fonts, let alone Chinese ones. The package ships each weight as a simplified-Chinese
 * file (7 900 characters, Latin included) plus numbered subsets, in WOFF2 and WOFF.
 */
export type Weight = 400 | 700

const FONT_FILES = dirname(
  createRequire(__filename).resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2'),
)

/**
 * For each code point the font that has it: the simplified-Chinese file first, then the package's numbered subsets,
 * opened (by `open`, given the file's path without its extension) only when a character is missing from every font
 * opened so far, such as a rare character in a name.
 */
export function fontChain(weight: Weight, open: (pathWithoutExtension: string) => Font) {
  const primary = open(`${FONT_FILES}/noto-sans-sc-chinese-simplified-${weight}-normal`)
  const subsetNames = readdirSync(FONT_FILES)
    .filter((name) =>
      new RegExp(`^noto-sans-sc-(\\d+|latin-ext|vietnamese|cyrillic)-${weight}-normal\\.woff2$`).test(name),
    )
    .map((name) => name.replace(/\.woff2$/, ''))
  const opened: Font[] = [primary]
  return (codePoint: number): Font => {
    const found = opened.find((font) => font.hasGlyphForCodePoint(codePoint))
    if (found) return found
    while (subsetNames.length > 0) {
      const font = open(`${FONT_FILES}/${subsetNames.shift()!}`)
      opened.push(font)
      if (font.hasGlyphForCodePoint(codePoint)) return font
    }
    // Nowhere: the primary font's .notdef box at least shows something is there.
    return primary
  }
}

/** `text` cut into runs that one font draws. */
export function fontRuns(text: string, pick: (codePoint: number) => Font): { font: Font; text: string }[] {
  const runs: { font: Font; text: string }[] = []
  for (const char of text) {
    const font = pick(char.codePointAt(0)!)
    const last = runs.at(-1)
    if (last?.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  return runs
}

/** Outlines (posters) read the WOFF2 files: fontkit decodes their glyphs whole and quickly. */
export const openForOutlines = (pathWithoutExtension: string) => openSync(`${pathWithoutExtension}.woff2`)

/**
 * A font to embed in a PDF, as pdfkit does through fontkit's subsetter. That copies each glyph's bytes from the font's
 * `glyf` table, which a WOFF2 file stores transformed (the copies come out blank), and which fontkit re-inflates from a
 * WOFF file for every glyph it reads (seconds per page). So the WOFF file is unpacked once, by fonteditor-core with
 * zlib, into the plain TrueType file it was made from. Nothing is downloaded; the package's files are all it takes.
 */
export function openForPdf(pathWithoutExtension: string): Font {
  const woff = readFileSync(`${pathWithoutExtension}.woff`)
  const trueType = fonteditor.woff2ttf(woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength), {
    // Its types ask for a number[], its writer indexes whatever it is given: the inflated bytes go as they are, which
    // halves the unpacking (a copy into an array costs about as much as the rest).
    inflate: (deflated) => inflateSync(Uint8Array.from(deflated)) as unknown as number[],
  })
  return create(Buffer.from(trueType))
}
