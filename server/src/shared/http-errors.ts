import type { Socket } from 'node:net'
import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, errors } from './errors.js'

/**
 * Fastify's own refusals (body too large, wrong content type, bad JSON…) in the project's error shape; null for a
 * server-side failure. Fastify's wording never reaches a person: it is English only and speaks of internals.
 */
export function fromFastifyError(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge()
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType()
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return errors.invalidJson()
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_INVALID_URL':
      return errors.badUrl()
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return errors.uriTooLong()
  }
  const status = error.statusCode ?? 500
  // JSON.parse and Fastify's prototype-poisoning guard both throw a SyntaxError.
  if (error.name === 'SyntaxError' && status === 400) return errors.invalidJson()
  if (status === 413) return errors.payloadTooLarge()
  if (status === 415) return errors.unsupportedMediaType()
  if (status === 429) return errors.rateLimited()
  if (status >= 400 && status < 500) return new ApiError(status, 'BAD_REQUEST', '请求无效', 'The request is not valid')
  return null
}

/** Refusals the router makes before any route runs (a malformed percent-encoding, a path segment over 100 characters). */
export function replyToFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const refusal = fromFastifyError(error) ?? errors.internal()
  void reply.status(refusal.statusCode).send(refusal.toBody())
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (headers over the limit, a malformed request line, a
 * request too slow to arrive): answered in the same shape on the raw socket, then the connection is closed.
 */
export function replyToClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? errors.headersTooLarge()
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? errors.requestTimeout()
        : errors.malformedRequest()
  refuseOnSocket(socket, refusal, error)
}

/** Answers `refusal` in the standard shape straight on the socket, before or instead of Fastify, and closes it. */
export function refuseOnSocket(socket: Socket, refusal: ApiError, error?: Error) {
  const body = JSON.stringify(refusal.toBody())
  const headers = Object.entries(refusal.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`)
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${refusal.statusCode} ${STATUS_CODES[refusal.statusCode]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `${headers.join('')}Connection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy(error)
}
