import type { paths } from './openapi.gen'
import { request, requestWithOfflineCopy, type Cached, type QueryValues } from './request'

/** What a page needs besides the calls: the refusal it may catch, the copy a read answers, the API's images. */
export { RequestError, assetUrl, downloadWithToken, type Cached } from './request'

/**
 * The app's one way to call the API, typed from the document the server publishes (`src/shared/openapi.gen.ts`,
 * written by `npm run contract`): a route is named as the document names it, `'GET /api/stations/{id}'`, and its
 * path parameters, query, body and answer are that operation's. A refusal is the app's `RequestError`.
 */

type Method = 'get' | 'post' | 'patch' | 'delete'
type Path = keyof paths

/** Every operation of the API as `'METHOD /path'`, e.g. `'PATCH /api/stations/{id}'`. */
export type Route = {
  [P in Path]: {
    [M in Method]: [NonNullable<paths[P][M]>] extends [never] ? never : `${Uppercase<M>} ${P}`
  }[Method]
}[Path]

type Operation<R extends Route> = R extends `${infer M} ${infer P extends Path}`
  ? NonNullable<paths[P][Lowercase<M> & Method]>
  : never
type OperationParameters<R extends Route> = Operation<R> extends { parameters: infer Ps } ? Ps : never
type ContentOf<Reply> = Reply extends { content: infer C } ? C[keyof C] : undefined
type Replies<R extends Route> = Operation<R> extends { responses: infer Rs } ? Rs : never

/** What the API answers `route` with on success (its 2xx body). */
export type Reply<R extends Route> = {
  [S in keyof Replies<R>]: S extends 200 | 201 | 202 | 204 ? ContentOf<Replies<R>[S]> : never
}[keyof Replies<R>]
/** The JSON body `route` takes. */
export type Body<R extends Route> = ContentOf<NonNullable<Operation<R> extends { requestBody?: infer B } ? B : never>>
/** The query `route` takes. */
export type Query<R extends Route> = NonNullable<OperationParameters<R> extends { query?: infer Q } ? Q : never>
type PathParams<R extends Route> = NonNullable<OperationParameters<R> extends { path?: infer P } ? P : never>

type PathPart<R extends Route> = [PathParams<R>] extends [never] ? { path?: undefined } : { path: PathParams<R> }
type QueryPart<R extends Route> = [Query<R>] extends [never]
  ? { query?: undefined }
  : object extends Query<R>
    ? { query?: Query<R> }
    : { query: Query<R> }
/**
 * A route without a JSON body may take raw bytes (a photo) sent as `contentType`; one whose body the document gives
 * only as file types (a sheet: xlsx or CSV) must.
 */
type BodyPart<R extends Route> = [Body<R>] extends [undefined]
  ? { body?: ArrayBuffer; contentType?: string }
  : unknown extends Body<R>
    ? { body: ArrayBuffer; contentType: string }
    : Operation<R> extends { requestBody: unknown }
      ? { body: Body<R> }
      : { body?: Body<R> }

export type CallOptions<R extends Route> = PathPart<R> &
  QueryPart<R> &
  BodyPart<R> & {
    /** Show a refusal as a toast (default true); pages with their own error state turn it off. */
    toast?: boolean
  }

/** The options are optional where the route needs none. */
type OptionsArgument<R extends Route> =
  object extends CallOptions<R> ? [options?: CallOptions<R>] : [options: CallOptions<R>]

/** What any call's options are, once its route's types have been checked. */
interface SentOptions {
  path?: object
  query?: object
  body?: unknown
  toast?: boolean
  contentType?: string
}

/** `/api/stations/{id}` with `{ id: 'a/b' }` → `/api/stations/a%2Fb`. */
function fillPath(template: string, params: object | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (params as Record<string, string | number> | undefined)?.[name]
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`)
    return encodeURIComponent(String(value))
  })
}

function split(route: Route): [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string] {
  const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'DELETE', string]
  return [method, path]
}

/** One call of an operation: `call('GET /api/stations/{id}', { path: { id }, query: { lat, lng } })`. */
export function call<R extends Route>(route: R, ...[options]: OptionsArgument<R>): Promise<Reply<R>> {
  const [method, template] = split(route)
  const { path, query, body, toast, contentType } = (options ?? {}) as SentOptions
  return request<Reply<R>>(method, fillPath(template, path), {
    query: query as QueryValues,
    body,
    toast,
    contentType,
  })
}

/** A read whose answer is a file (`GET /api/staff/sheets/{kind}.xlsx`): its bytes. */
export function callForFile<R extends Route & `GET ${string}`>(
  route: R,
  ...[options]: OptionsArgument<R>
): Promise<ArrayBuffer> {
  const [method, template] = split(route)
  const { path, query, toast } = (options ?? {}) as SentOptions
  return request<ArrayBuffer>(method, fillPath(template, path), {
    query: query as QueryValues,
    toast,
    responseType: 'arraybuffer',
  })
}

/** A read whose answer is text (`GET /api/activities/{id}/attendance.csv`): the text itself, in WeChat and browsers. */
export function callForText<R extends Route & `GET ${string}.csv`>(
  route: R,
  ...[options]: OptionsArgument<R>
): Promise<string> {
  const [method, template] = split(route)
  const { path, query, toast } = (options ?? {}) as SentOptions
  return request<string>(method, fillPath(template, path), { query: query as QueryValues, toast, dataType: 'text' })
}

/**
 * A read whose last good answer stays on the device: offline, the page shows that copy with its time instead of an
 * error (the copy is keyed by the address, path and query).
 */
export function callWithOfflineCopy<R extends Route & `GET ${string}`>(
  route: R,
  ...[options]: OptionsArgument<R>
): Promise<Cached<Reply<R>>> {
  const [, template] = split(route)
  const { path, query } = (options ?? {}) as SentOptions
  return requestWithOfflineCopy<Reply<R>>(fillPath(template, path), query as QueryValues)
}
