import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { inflateSync } from 'node:zlib'
import { create, openSync, type Font, type WoffFont } from 'fontkit'

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
 * WOFF file for every glyph it reads (seconds per page). So the WOFF file is unpacked once into the plain TrueType file
 * it was made from: its tables (found by fontkit's WOFF reader) inflated by zlib and laid out behind an sfnt table
 * directory. Nothing is downloaded; the package's files are all it takes.
 */
export function openForPdf(pathWithoutExtension: string): Font {
  const woff = readFileSync(`${pathWithoutExtension}.woff`)
  const { directory } = create(woff) as WoffFont
  const tables = Object.values(directory.tables)
    .sort((a, b) => (a.tag < b.tag ? -1 : 1))
    .map((table) => {
      const stored = woff.subarray(table.offset, table.offset + table.compLength)
      return { ...table, data: table.compLength < table.length ? inflateSync(stored) : stored }
    })
  const power = 2 ** Math.floor(Math.log2(tables.length))
  const header = Buffer.alloc(12 + 16 * tables.length)
  header.writeUInt32BE(directory.flavor, 0)
  header.writeUInt16BE(tables.length, 4)
  header.writeUInt16BE(power * 16, 6)
  header.writeUInt16BE(Math.log2(power), 8)
  header.writeUInt16BE(tables.length * 16 - power * 16, 10)
  const parts: Buffer[] = [header]
  let offset = header.length
  tables.forEach((table, index) => {
    const record = 12 + 16 * index
    header.write(table.tag, record, 'latin1')
    header.writeUInt32BE(table.origChecksum, record + 4)
    header.writeUInt32BE(offset, record + 8)
    header.writeUInt32BE(table.data.length, record + 12)
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4)
    table.data.copy(padded)
    parts.push(padded)
    offset += padded.length
  })
  return create(Buffer.concat(parts))
}
