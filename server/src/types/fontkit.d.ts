/** The part of fontkit 2 (which ships no types) that the poster's text layout uses. */
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
  export function openSync(path: string): Font
}
