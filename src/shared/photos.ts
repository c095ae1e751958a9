import Taro from '@tarojs/taro'
import type { UploadResponse } from '@contract'
import { call } from './client'

export interface UploadedPhoto {
  id: string
  /** Where the API serves it, as stored on a station or shown on a wish. */
  url: string
  /** The local file, shown at once while the form is open. */
  preview: string
}

/** The small copy of a photo this API keeps (`/api/uploads/<id>/thumb`), for lists; one hosted elsewhere has none. */
export const thumbnailOf = (url: string) => (/^\/api\/uploads\/[\w-]+$/.test(url) ? `${url}/thumb` : url)

/** Sends a chosen file's bytes; the server decides its type and size from the bytes themselves. */
async function upload(path: string): Promise<UploadResponse['upload']> {
  const bytes =
    process.env.TARO_ENV === 'h5'
      ? await (await fetch(path)).arrayBuffer()
      : (Taro.getFileSystemManager().readFileSync(path) as ArrayBuffer)
  const type = /\.png$/i.test(path) ? 'image/png' : 'image/jpeg'
  return (await call('POST /api/uploads', { body: bytes, contentType: type })).upload
}

/**
 * Lets the user take or pick up to `max` photos (compressed by WeChat) and uploads them one by one, reporting each
 * as it arrives so a failure later keeps the earlier ones. Cancelling is not an error; a refused upload has been
 * shown by the request client.
 */
export async function pickAndUploadPhotos(max: number, onUploaded: (photo: UploadedPhoto) => void): Promise<void> {
  if (max <= 0) return
  try {
    const { tempFiles } = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'] })
    for (const file of tempFiles) {
      const { id, url } = await upload(file.tempFilePath)
      onUploaded({ id, url, preview: file.tempFilePath })
    }
  } catch {
    // Cancelled, or already shown.
  }
}
