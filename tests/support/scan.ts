import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** What a phone's scanner reads off a picture (a poster, a certificate's page), or null when it finds no code. */
export function scan(png: Buffer) {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  return { width: image.width, height: image.height, code: found?.data ?? null }
}

/** How many pixels of a horizontal band are ink (not near white): where a name is printed. */
export function inkIn(png: Buffer, top: number, bottom: number) {
  const image = PNG.sync.read(png)
  let ink = 0
  for (let i = top * image.width * 4; i < bottom * image.width * 4; i += 4) if (image.data[i]! < 128) ink += 1
  return ink
}
