import sharp from 'sharp'
import { ApiError } from '../../shared/errors.js'

/** The long side of a stored photo: sharp on any phone, and a tenth of a camera original's bytes. */
export const PHOTO_LONG_SIDE = 1600
/** The long side of the small copy lists show (a 160 rpx square at three device pixels per point fits). */
export const THUMB_LONG_SIDE = 400
/** Refused before decoding: a small file can unpack to gigabytes of pixels (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000
/** What people send from a phone; anything else sharp could read (SVG, TIFF, HEIF…) is refused, not converted. */
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp'])

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

/** Why sharp could not read the file: too many pixels to decode safely, or not a photo at all. */
const refusalFor = (error: unknown) => (/pixel limit/i.test(String(error)) ? tooManyPixels() : notAPhoto())

/**
 * Decodes the file as an image and writes it anew: turned upright by its EXIF orientation, flattened onto white,
 * converted to sRGB, capped in size, with no EXIF, GPS, XMP, ICC, IPTC or comment kept (sharp writes none unless
 * asked). The bytes that were sent are never kept, so whatever else they carried (a location, a hidden page) is gone.
 */
export async function reencodePhoto(bytes: Buffer): Promise<CleanPhoto> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
  let format: string | undefined
  try {
    format = (await image.metadata()).format
  } catch (error) {
    throw refusalFor(error)
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw notAPhoto()
  const upright = image.rotate().flatten({ background: '#ffffff' })
  const write = (longSide: number, quality: number) =>
    upright
      .clone()
      .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality })
      .toBuffer()
  try {
    const [photo, thumb] = await Promise.all([write(PHOTO_LONG_SIDE, 82), write(THUMB_LONG_SIDE, 75)])
    return { photo, thumb }
  } catch (error) {
    // The header read, the pixels did not (truncated data, or HTML after a JPEG's first bytes).
    throw refusalFor(error)
  }
}
