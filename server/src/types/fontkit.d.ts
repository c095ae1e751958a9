/** The part of fontkit 2 (which ships no types) that the server's text layout and PDF fonts use. */
declare module 'fontkit' {
  export interface Path {
    scale(scaleX: number, scaleY?: number): Path
    translate(x: number, y: number): Path
    toSVG(): string
  }
  export interface Glyph {
    path: Path
  }
  export interface GlyphPosition {
    xAdvance: number
    xOffset: number
    yOffset: number
  }
  export interface GlyphRun {
    glyphs: Glyph[]
    positions: GlyphPosition[]
  }
  export interface Font {
    unitsPerEm: number
    hasGlyphForCodePoint(codePoint: number): boolean
    layout(text: string): GlyphRun
  }
  /** A WOFF file's table directory, as fontkit's WOFF reader decodes it. */
  export interface WoffFont extends Font {
    directory: {
      flavor: number
      tables: Record<string, { tag: string; offset: number; compLength: number; length: number; origChecksum: number }>
    }
  }
  export function openSync(path: string): Font
  export function create(data: Buffer): Font
}
