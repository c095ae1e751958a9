import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'

/** A valid 1×1 PNG (one red pixel), for photo uploads in tests. */
export const ONE_PIXEL_PNG = Buffer.from(
  [
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000970485973000003e8000003',
    'e801b57b526b0000000d49444154789c63d8a4a4f41f00047601f6290060c50000000049454e44ae426082',
  ].join(''),
  'hex',
)

/** A JPEG as a phone writes it: EXIF with the camera, a GPS position and an orientation, plus a P3 ICC profile. */
export async function phoneJpeg(width: number, height: number, orientation = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#b22222' } })
    .jpeg()
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: 'OldTownCam', ImageDescription: 'home' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '23/1 40/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 38/1 4321/100',
      },
    })
    .withIccProfile('p3')
    .toBuffer()
}

/** A file that starts like a JPEG and carries a web page: browsers that sniff would run it. */
export const HTML_IN_JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('<html><body><script>fetch("/api/me").then(r=>r.text()).then(alert)</script></body></html>'),
])

/** Every segment before a JPEG's image data, by its marker: 0xe1 APP1 (EXIF or XMP), 0xe2 APP2 (ICC), 0xfe comment… */
export function jpegSegments(jpeg: Buffer): { marker: number; body: Buffer }[] {
  if (jpeg.readUInt16BE(0) !== 0xffd8) throw new Error('not a JPEG')
  const segments: { marker: number; body: Buffer }[] = []
  let at = 2
  while (at + 4 <= jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error(`no marker at ${at}`)
    const marker = jpeg[at + 1]!
    if (marker === 0xda || marker === 0xd9) break // start of scan: only image data follows
    const length = jpeg.readUInt16BE(at + 2)
    segments.push({ marker, body: jpeg.subarray(at + 4, at + 2 + length) })
    at += 2 + length
  }
  return segments
}

/** Whether the JPEG's EXIF block (APP1 `Exif\0\0`, a TIFF structure) has IFD0 pointing at a GPS IFD (tag 0x8825). */
export function hasExifGps(jpeg: Buffer): boolean {
  const exif = jpegSegments(jpeg).find(
    (s) => s.marker === 0xe1 && s.body.subarray(0, 6).equals(Buffer.from('Exif\0\0', 'binary')),
  )
  if (!exif) return false
  const tiff = exif.body.subarray(6)
  const little = tiff.toString('ascii', 0, 2) === 'II'
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at))
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at))
  const ifd0 = u32(4)
  const entries = u16(ifd0)
  for (let i = 0; i < entries; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true
  return false
}

/** A PNG of a header and the given compressed rows; `bitDepth` and `colourType` as in the PNG header (2 RGB, 6 RGBA). */
function png(width: number, height: number, bitDepth: number, colourType: number, compressedRows: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([bitDepth, colourType, 0, 0, 0], 8)
  return Buffer.concat([
    ONE_PIXEL_PNG.subarray(0, 8),
    chunk('IHDR', header),
    chunk('IDAT', compressedRows),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A PNG whose header claims `width`×`height` pixels (8-bit RGB, or 16-bit RGBA with `sixteenBitRgba`), with no pixels
 * after it: a decompression bomb's first bytes.
 */
export const pngClaiming = (width: number, height: number, sixteenBitRgba = false) =>
  png(width, height, sixteenBitRgba ? 16 : 8, sixteenBitRgba ? 6 : 2, deflateSync(Buffer.alloc(0)))

/** A real decompression bomb: every pixel of a 1-bit grey PNG black, so rows of zeros that deflate a thousandfold. */
export const pngBomb = (width: number, height: number) =>
  png(width, height, 1, 0, deflateSync(Buffer.alloc(height * (1 + Math.ceil(width / 8))), { level: 9 }))

/** Writes bits MSB first, with JPEG's byte stuffing (a 0x00 after every 0xFF) and 1-bits padding the last byte. */
function entropyCoded(write: (put: (value: number, length: number) => void) => void): Buffer {
  const bytes: number[] = []
  let current = 0
  let filled = 0
  const put = (value: number, length: number) => {
    for (let bit = length - 1; bit >= 0; bit--) {
      current = (current << 1) | ((value >> bit) & 1)
      if (++filled === 8) {
        bytes.push(current)
        if (current === 0xff) bytes.push(0)
        current = 0
        filled = 0
      }
    }
  }
  write(put)
  if (filled > 0) put((1 << (8 - filled)) - 1, 8 - filled)
  return Buffer.from(bytes)
}

/**
 * A grey progressive JPEG of `width`×`height` in `scans` scans (at most 883: the DC, then each AC coefficient's band
 * sent bit by bit): a valid file of a few hundred KB that makes a decoder walk every block once per scan, the "progressive
 * bomb" (7000×7000 in 883 scans is 178 KB). Every coefficient is zero, so a scan is a few end-of-band runs.
 */
export function progressiveJpegBomb(width: number, height: number, scans: number): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const head = Buffer.alloc(4)
    head.writeUInt16BE(0xff00 | marker, 0)
    head.writeUInt16BE(body.length + 2, 2)
    return Buffer.concat([head, body])
  }
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
  const frame = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])
  // DC: one symbol (difference category 0) coded "0". AC: the fifteen end-of-band runs EOB0…EOB14, 4 bits each.
  const dcTable = Buffer.from([0x00, 1, ...Array<number>(15).fill(0), 0x00])
  const runLengths = Array.from({ length: 15 }, (_, n) => n << 4)
  const acTable = Buffer.from([0x10, 0, 0, 0, 15, ...Array<number>(12).fill(0), ...runLengths])
  const scan = (start: number, high: number, low: number, data: Buffer) =>
    Buffer.concat([segment(0xda, Buffer.from([1, 1, 0x00, start, start, (high << 4) | low])), data])
  const dcData = entropyCoded((put) => {
    for (let block = 0; block < blocks; block++) put(0, 1)
  })
  const endOfBands = entropyCoded((put) => {
    for (let left = blocks; left > 0;) {
      const run = Math.min(left, 0x7fff)
      const n = Math.floor(Math.log2(run))
      put(n, 4)
      put(run - (1 << n), n)
      left -= run
    }
  })
  // Each band first at 1/8192 of its value (Al = 13), then refined one bit at a time: the costliest scans to decode.
  const acScans: Buffer[] = []
  for (let k = 1; k < 64; k++) {
    acScans.push(scan(k, 0, 13, endOfBands))
    for (let bit = 13; bit > 0; bit--) acScans.push(scan(k, bit, bit - 1, endOfBands))
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xdb, Buffer.from([0, ...Array<number>(64).fill(1)])),
    segment(0xc2, frame),
    segment(0xc4, dcTable),
    segment(0xc4, acTable),
    scan(0, 0, 0, dcData),
    ...acScans.slice(0, scans - 1),
    Buffer.from([0xff, 0xd9]),
  ])
}
