import Taro from '@tarojs/taro'
import type { ApiError } from '@contract'
import { translate } from './i18n'
import { currentLanguage } from './settings'
import { KEYS, readStorage, writeStorage } from './storage'

/** The refusals the API names (`ApiError`'s `code`). */
type ErrorCode = ApiError['error']['code']
/** What the app itself names a failure the API did not answer in its error shape. */
type ClientErrorCode = 'NETWORK' | `HTTP_${number}`

/**
 * A request that failed: the API's refusal (its error body, `ApiError` in the document) or the network's, with the
 * message in the user's language. The server throws its `ApiError`; this is what the app receives.
 */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    /** The API's whole refusal, for pages that show more than its message (a sheet's refused rows). */
    readonly refusal?: ApiError['error'],
  ) {
    super(message)
  }
}

/** A query's values, as they go into the address. */
export type QueryValues = Record<string, string | number | boolean | undefined>

export interface RequestOptions {
  query?: QueryValues
  body?: unknown
  /** Show the error as a toast (default true); pages with their own error state turn it off. */
  toast?: boolean
  /** For a raw body (a photo's bytes); JSON otherwise. */
  contentType?: string
  /** `arraybuffer` for an answer that is a file (a sheet): its bytes, not JSON. */
  responseType?: 'arraybuffer'
  /** `text` for an answer that is text (a CSV): its characters as sent, where the browser's request would parse JSON. */
  dataType?: 'text'
}

/** An image the API serves (`/api/uploads/…`) as a full URL: a weapp <Image> cannot resolve a path against the API. */
export const assetUrl = (url: string) => (url.startsWith('/') ? API_BASE + url : url)

/**
 * Fetches an image the API serves with the person's token, for one it shows only to those involved (a wish photo
 * off the wall); the local file it answers goes in an <Image>, which cannot send the token itself.
 */
export async function downloadWithToken(url: string): Promise<string> {
  const token = readStorage<string>(KEYS.token)
  if (!token) throw new RequestError(401, 'UNAUTHENTICATED', translate(currentLanguage(), 'common.error'))
  const { statusCode, tempFilePath } = await Taro.downloadFile({
    url: assetUrl(url),
    header: { authorization: `Bearer ${token}` },
  })
  if (statusCode !== 200)
    throw new RequestError(statusCode, `HTTP_${statusCode}`, translate(currentLanguage(), 'common.error'))
  return tempFilePath
}

function buildUrl(path: string, query?: QueryValues): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return `${API_BASE}${path}${params.length ? `?${params.join('&')}` : ''}`
}

/** A refusal asked for as bytes (a sheet) or text (a CSV) is still the API's JSON error shape. */
function refusalBody(data: unknown): Partial<ApiError> | undefined {
  if (!(data instanceof ArrayBuffer) && typeof data !== 'string') return data as Partial<ApiError> | undefined
  try {
    return JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data)) as Partial<ApiError>
  } catch {
    return undefined
  }
}

function toRequestError(status: number, data: unknown): RequestError {
  const body = refusalBody(data)
  if (body?.error) {
    return new RequestError(
      status,
      body.error.code,
      currentLanguage() === 'en' ? body.error.messageEn : body.error.message,
      body.error,
    )
  }
  return new RequestError(status, `HTTP_${status}`, translate(currentLanguage(), 'common.error'))
}

/** One call to the API: bearer token, JSON both ways, readable errors, one retry of a GET on network failure. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const token = readStorage<string>(KEYS.token)
  const attempts = method === 'GET' ? 2 : 1
  let lastError: RequestError | null = null
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await Taro.request({
        url: buildUrl(path, options.query),
        method,
        data: options.body as TaroGeneral.IAnyObject | undefined,
        header: {
          'content-type': options.contentType ?? 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        timeout: 10_000,
        ...(options.responseType ? { responseType: options.responseType } : {}),
        ...(options.dataType ? { dataType: options.dataType } : {}),
      })
      if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T
      if (response.statusCode === 401) {
        writeStorage(KEYS.token, undefined)
        writeStorage(KEYS.user, undefined)
      }
      lastError = toRequestError(response.statusCode, response.data)
      break
    } catch {
      lastError = new RequestError(0, 'NETWORK', translate(currentLanguage(), 'common.error'))
    }
  }
  const error = lastError ?? new RequestError(0, 'NETWORK', translate(currentLanguage(), 'common.error'))
  if (options.toast !== false) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 })
  throw error
}

export interface Cached<T> {
  data: T
  /** When the data came from the server; older than now when shown from the offline copy. */
  updatedAt: number
  fromCache: boolean
}

/**
 * A GET whose last good answer is kept on the device: without network the page shows that copy
 * (with its time) instead of an error.
 */
export async function requestWithOfflineCopy<T>(path: string, query?: QueryValues): Promise<Cached<T>> {
  const key = KEYS.cachePrefix + buildUrl(path, query).replace(API_BASE, '')
  try {
    const data = await request<T>('GET', path, { query, toast: false })
    writeStorage(key, { data, updatedAt: Date.now() })
    return { data, updatedAt: Date.now(), fromCache: false }
  } catch (error) {
    const copy = readStorage<{ data: T; updatedAt: number }>(key)
    if (error instanceof RequestError && error.status === 0 && copy) return { ...copy, fromCache: true }
    throw error
  }
}
