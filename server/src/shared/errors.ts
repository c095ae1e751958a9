import { z } from 'zod'
import type { IssueExplanation } from './validation.js'

/**
 * Every machine code the API answers with: a client switches on these, so a route names one of them, never a
 * free string, and the published document lists them all.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'BAD_REQUEST',
  'INVALID_JSON',
  'BAD_URL',
  'CHECKIN_CODE_INVALID',
  'CHECKIN_CODE_EXPIRED',
  'UNAUTHENTICATED',
  'INVALID_WECHAT_CODE',
  'FORBIDDEN',
  'TOO_FAR_TO_CHECK_IN',
  'NOT_FOUND',
  'REQUEST_TIMEOUT',
  'ALREADY_DECIDED',
  'BOOKING_CLOSED',
  'CAPACITY_BELOW_CONFIRMED',
  'CHECKIN_CLOSED',
  'FEEDBACK_EXISTS',
  'NOT_ATTENDED',
  'NOT_BOOKED',
  'REPORT_ALREADY_RESOLVED',
  'SESSION_CANCELLED',
  'ACTIVITY_CANCELLED',
  'SIGNUP_CLOSED',
  'NOTHING_TO_CERTIFY',
  'WISH_ALREADY_CLAIMED',
  'WISH_WRONG_STATE',
  'DESK_CODE_EXPIRED',
  'DESK_CODE_USED',
  'PAYLOAD_TOO_LARGE',
  'URI_TOO_LONG',
  'UNSUPPORTED_MEDIA_TYPE',
  'CONTENT_REJECTED',
  'RATE_LIMITED',
  'HEADERS_TOO_LARGE',
  'INTERNAL',
  'WECHAT_LOGIN_UNAVAILABLE',
  'WECHAT_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'SHUTTING_DOWN',
  'UPLOADS_BUSY',
  'SHEET_HAS_ERRORS',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One refused cell (or row) of an imported spreadsheet: row 1 is the header, so data starts at row 2. */
export const sheetRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable().describe('the column key, null when the whole row is refused'),
  code: z.string().describe('UPPER_SNAKE: FORMULA, INVALID, NOT_FOUND, FORBIDDEN, DUPLICATE_ID, UNKNOWN_COLUMN'),
  message: z.string(),
  messageEn: z.string(),
})
export type SheetRowError = z.infer<typeof sheetRowErrorSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).describe('UPPER_SNAKE machine code'),
    message: z.string().describe('中文说明'),
    messageEn: z.string().describe('English explanation'),
    details: z.array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() })).optional(),
    rows: z.array(sheetRowErrorSchema).optional().describe('SHEET_HAS_ERRORS: every refused row of the sheet'),
  }),
})
export type ApiErrorBody = z.infer<typeof errorBodySchema>

/** An error a client can act on; the handler turns it into the standard error body. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly details?: IssueExplanation[],
    /** Headers the reply carries with the error, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
    readonly rows?: SheetRowError[],
  ) {
    super(messageEn)
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageZh,
        messageEn: this.messageEn,
        ...(this.details ? { details: this.details } : {}),
        ...(this.rows ? { rows: this.rows } : {}),
      },
    }
  }
}

/** A PostgreSQL restart or failover usually takes a few seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

export const errors = {
  validation: (details: IssueExplanation[]) =>
    new ApiError(
      400,
      'VALIDATION_FAILED',
      `请求参数有误：${details.map((d) => `${d.field} ${d.message}`).join('；')}`,
      `Invalid request: ${details.map((d) => `${d.field} ${d.messageEn}`).join('; ')}`,
      details,
    ),
  badRequest: (zh: string, en: string) => new ApiError(400, 'BAD_REQUEST', zh, en),
  unauthenticated: () => new ApiError(401, 'UNAUTHENTICATED', '请先登录', 'Please log in first'),
  forbidden: () => new ApiError(403, 'FORBIDDEN', '您没有权限执行此操作', 'You are not allowed to do this'),
  notFound: (zh = '找不到该内容', en = 'Not found') => new ApiError(404, 'NOT_FOUND', zh, en),
  conflict: (code: ErrorCode, zh: string, en: string) => new ApiError(409, code, zh, en),
  sheetHasErrors: (rows: SheetRowError[]) =>
    new ApiError(
      422,
      'SHEET_HAS_ERRORS',
      `表格中有 ${rows.length} 处错误，未写入任何内容`,
      `The sheet has ${rows.length} errors; nothing was written`,
      undefined,
      undefined,
      rows,
    ),
  payloadTooLarge: () => new ApiError(413, 'PAYLOAD_TOO_LARGE', '提交的内容太大', 'The request body is too large'),
  unsupportedMediaType: () =>
    new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交', 'Send the request body as JSON'),
  notASpreadsheet: () =>
    new ApiError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请上传 .xlsx 或 UTF-8 编码的 .csv 表格',
      'Send an .xlsx workbook or a UTF-8 .csv file',
    ),
  invalidJson: () => new ApiError(400, 'INVALID_JSON', '请求内容不是有效的 JSON', 'The request body is not valid JSON'),
  malformedRequest: () => new ApiError(400, 'BAD_REQUEST', '请求格式不对', 'The request is malformed'),
  badUrl: () => new ApiError(400, 'BAD_URL', '链接格式不对', 'The URL is malformed'),
  uriTooLong: () => new ApiError(414, 'URI_TOO_LONG', '链接中的内容太长', 'A part of the URL is too long'),
  headersTooLarge: () => new ApiError(431, 'HEADERS_TOO_LARGE', '请求头太大', 'The request headers are too large'),
  requestTimeout: () =>
    new ApiError(408, 'REQUEST_TIMEOUT', '请求超时，请重试', 'The request took too long to arrive; try again'),
  internal: () => new ApiError(500, 'INTERNAL', '服务器出错了，请稍后再试', 'Something went wrong on our side'),
  /** The database is restarting, stopped or unreachable (db/faults.ts); the client may try again after Retry-After. */
  databaseUnavailable: () =>
    new ApiError(
      503,
      'DATABASE_UNAVAILABLE',
      '数据库暂时无法访问，请稍后再试',
      'The database does not answer; try again shortly',
      undefined,
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    ),
  wechatUnavailable: (zh: string, en: string) =>
    new ApiError(503, 'WECHAT_UNAVAILABLE', zh, en, undefined, { 'retry-after': '30' }),
  shuttingDown: () =>
    new ApiError(503, 'SHUTTING_DOWN', '服务正在重启，请稍后再试', 'This instance is shutting down; try again'),
  tooManyConnections: () =>
    new ApiError(
      429,
      'RATE_LIMITED',
      '来自同一网络地址的连接太多，请稍后再试',
      'Too many open connections from this address; try again shortly',
      undefined,
      { 'retry-after': '5' },
    ),
  rateLimited: (retryAfterSeconds = 60) =>
    new ApiError(
      429,
      'RATE_LIMITED',
      '操作太频繁，请稍后再试',
      'Too many requests, please try again later',
      undefined,
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
}
