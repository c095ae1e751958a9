import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import { createBoundedQueue } from './bounded-queue.js'
import { ApiError } from './errors.js'

// Every upload is a new image, so libvips's cache of recent operations would only hold memory. One libvips thread
// per photo (what sharp picks with glibc's allocator anyway, said here so it holds on any system): how much CPU
// photos may take is then decided by how many are decoded at once.
sharp.cache(false)
sharp.concurrency(1)

/** The long side of a stored photo: sharp on any phone, and a tenth of a camera original's bytes. */
export const PHOTO_LONG_SIDE = 1600
/** The long side of the small copy lists show (a 160 rpx square at three device pixels per point fits). */
export const THUMB_LONG_SIDE = 400
/** Refused before decoding: a small file can unpack to gigabytes of pixels (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000
/** What 50 megapixels with transparency unpack to; 16-bit samples of as many would take twice the memory and time. */
const MAX_DECODED_BYTES = 200_000_000
/**
 * A progressive JPEG is decoded once per scan over all its pixels. Encoders write about ten; 32 cost about 1 s of
 * CPU at 49 megapixels on a 2-core server, the 883 of a crafted 178 KB file 18 s (README, Measured).
 */
const MAX_JPEG_SCANS = 32
/** Every scan starts with this marker; inside coded data a 0xFF byte is always followed by 0x00 or a restart code. */
const START_OF_SCAN = Buffer.from([0xff, 0xda])
/** What people send from a phone; anything else sharp could read (SVG, TIFF, HEIF…) is refused, not converted. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp'])
/** Photos waiting for a decoder beyond those being decoded; each holds its file (at most QUOTA_UPLOAD_MAX_MB). */
const MAX_WAITING = 32
const RETRY_WHEN_BUSY_SECONDS = 5

export const STORED_PHOTO_MIME = 'image/jpeg'

export interface CleanPhoto {
  /** At most PHOTO_LONG_SIDE on its long side, upright, JPEG, without any metadata block. */
  photo: Buffer
  thumb: Buffer
}

const notAPhoto = () =>
  new ApiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    '无法识别这张照片，只支持 JPG、PNG、WebP 格式',
    'This is not a JPEG, PNG or WebP photo we can read',
  )
const tooManyPixels = () =>
  new ApiError(
    413,
    'PAYLOAD_TOO_LARGE',
    '照片像素太多，请换一张或先压缩',
    'The photo has too many pixels; choose a smaller one',
  )

const tooManyScans = () =>
  new ApiError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    `这张照片的渐进式扫描超过 ${MAX_JPEG_SCANS} 次，请重新保存或换一张`,
    `This JPEG has more than ${MAX_JPEG_SCANS} progressive scans; save it again or choose another`,
  )
const busy = () =>
  new ApiError(
    503,
    'UPLOADS_BUSY',
    '正在处理的照片太多，请稍后再试',
    'Too many photos are being processed; try again in a few seconds',
    undefined,
    { 'retry-after': String(RETRY_WHEN_BUSY_SECONDS) },
  )

/** Photos decoded at once: on two cores one, so decoding never takes the core other requests are answered on. */
const decodeInTurn = createBoundedQueue({
  running: Math.max(1, availableParallelism() - 1),
  waiting: MAX_WAITING,
  whenFull: busy,
})

/** Why sharp could not read the file: too many pixels to decode safely, or not a photo at all. */
const refusalFor = (error: unknown) => (/pixel limit/i.test(String(error)) ? tooManyPixels() : notAPhoto())

/** Counts the scan markers; other bytes that happen to spell one (in an EXIF block) can only add to the count. */
function jpegScans(bytes: Buffer): number {
  let scans = 0
  for (let at = bytes.indexOf(START_OF_SCAN); at !== -1; at = bytes.indexOf(START_OF_SCAN, at + 2)) scans++
  return scans
}

/** What the header alone tells: whether this is a photo we take, and whether decoding it would cost too much. */
async function assertWorthDecoding(bytes: Buffer): Promise<void> {
  let header: sharp.Metadata
  try {
    header = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  } catch (error) {
    throw refusalFor(error)
  }
  if (!ACCEPTED_FORMATS.has(header.format)) throw notAPhoto()
  const bytesPerSample = header.depth === 'ushort' ? 2 : 1
  if (header.width * header.height * header.channels * bytesPerSample > MAX_DECODED_BYTES) throw tooManyPixels()
  if (header.format === 'jpeg' && jpegScans(bytes) > MAX_JPEG_SCANS) throw tooManyScans()
}

const within = (longSide: number) => ({
  width: longSide,
  height: longSide,
  fit: 'inside' as const,
  withoutEnlargement: true,
})

/**
 * Decodes the file as an image and writes it anew: turned upright by its EXIF orientation, flattened onto white,
 * converted to sRGB, capped in size, with no EXIF, GPS, XMP, ICC, IPTC or comment kept (sharp writes none unless
 * asked). The bytes that were sent are never kept, so whatever else they carried (a location, a hidden page) is gone.
 * The file is decoded once, in its turn; the thumbnail is made from the photo just written.
 */
export async function reencodePhoto(bytes: Buffer): Promise<CleanPhoto> {
  await assertWorthDecoding(bytes)
  return decodeInTurn(async () => {
    try {
      const photo = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .flatten({ background: '#ffffff' })
        .resize(within(PHOTO_LONG_SIDE))
        .jpeg({ quality: 82 })
        .toBuffer()
      const thumb = await sharp(photo).resize(within(THUMB_LONG_SIDE)).jpeg({ quality: 75 }).toBuffer()
      return { photo, thumb }
    } catch (error) {
      // The header read, the pixels did not (truncated data, or HTML after a JPEG's first bytes).
      throw refusalFor(error)
    }
  })
}
