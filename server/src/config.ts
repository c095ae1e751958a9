import { isIP } from 'node:net'
import { z } from 'zod'
import { parseTemplates } from './features/notifications/templates.js'

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true')

/** proxy-addr's names for private ranges, e.g. `uniquelocal` for a platform's gateway on 10.x / 172.16.x / 192.168.x. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']
const isProxyAddress = (entry: string) => {
  if (PROXY_RANGE_NAMES.includes(entry)) return true
  const [address = '', prefix, ...rest] = entry.split('/')
  return (
    rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix) || isIP(prefix) === 4)
  )
}

/**
 * A list in one variable, its entries separated by commas or spaces; a single bad entry refuses the setting, and
 * the refusal names it.
 */
const checkedList = (isValid: (entry: string) => boolean, expected: string) =>
  z.string().transform((text, ctx) => {
    const entries = text.split(/[\s,]+/).filter(Boolean)
    const bad = entries.filter((entry) => !isValid(entry))
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `expected ${expected}, not ${bad.join(', ')}` })
      return z.NEVER
    }
    return entries
  })

/**
 * The proxies whose X-Forwarded-For is believed, as a list of addresses/CIDRs; unset, nobody's is, and a client
 * cannot choose the address its rate limits count against. Fastify no longer honours a bare hop count (it cannot
 * tell the proxy from a client), and `true` would believe anyone, so neither is accepted.
 */
const trustedProxies = checkedList(
  isProxyAddress,
  "the proxy's addresses or CIDRs (e.g. 10.0.0.0/8,127.0.0.1) or loopback/linklocal/uniquelocal",
)
  .optional()
  .transform((entries) => (entries && entries.length > 0 ? entries : false))

/** A CSP source for images, e.g. `https://*.is.autonavi.com`: scheme and host, maybe a port and path, no quotes. */
const CSP_HOST_SOURCE = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?(\/[\w./-]*)?$/i

const cspHostList = checkedList(
  (host) => CSP_HOST_SOURCE.test(host),
  'sources such as https://*.is.autonavi.com',
).prefault('https://*.is.autonavi.com')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().default('sqlite:./data/oldtown.db'),
  /** PostgreSQL connections per instance. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a query waits for a PostgreSQL connection before the request answers 503 DATABASE_UNAVAILABLE. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  NODE_ENV: z.string().default('development'),
  AUTH_MODE: z.enum(['wechat', 'cloud', 'none']).default('none'),
  AUTH_DEV_LOGIN: booleanFlag,
  WX_APPID: z.string().optional(),
  WX_SECRET: z.string().optional(),
  /** Where WeChat's server API is; changed only to point tests at a stand-in. */
  WX_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /**
   * Where the H5 app is served for the public (https://hub.example.cn): the QR code on a station's poster opens its page
   * there when the server has no WeChat credentials for 小程序码. Unset, the address the poster was asked from.
   */
  PUBLIC_BASE_URL: z.url().optional(),
  /** JSON map of notice kind → WeChat subscribe-message template (AUTH_MODE=wechat); the app asks for these. */
  WX_TEMPLATE_IDS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseTemplates(text)
      } catch {
        ctx.addIssue({
          code: 'custom',
          message:
            'expected JSON such as {"booking_confirmed":"<template id>"} or ' +
            '{"booking_confirmed":{"id":"<template id>","fields":{"thing1":"topic","time2":"time"}}} with known notice kinds',
        })
        return z.NEVER
      }
    }),
  /** How often this instance dispatches queued notices; 0 turns the worker off. */
  NOTICE_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
  SEED_DEMO: booleanFlag,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .default(24 * 30),
  /** How long a desk sign-in code (扫码登录) may be approved and collected. */
  DESK_TICKET_SECONDS: z.coerce.number().int().min(10).max(3600).default(120),
  /** How long an instance may serve the station list from memory before re-reading it. */
  STATIONS_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  STATIC_DIR: z.string().optional(),
  /** Response targets for wishes, in hours (decimals allowed): review after submission, claim after publication. */
  TARGET_REVIEW_HOURS: z.coerce.number().positive().default(24),
  TARGET_CLAIM_HOURS: z.coerce.number().positive().default(72),
  /** What one person may store (see shared/quota.ts); over it the API answers 429 with Retry-After. */
  QUOTA_WISHES_OPEN: z.coerce.number().int().min(1).default(5),
  QUOTA_WISHES_PER_DAY: z.coerce.number().int().min(1).default(10),
  QUOTA_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(3),
  QUOTA_UPLOADS_PER_DAY: z.coerce.number().int().min(1).default(30),
  /** The largest photo one may send, in MB (before it is re-encoded); a bigger body is 413. */
  QUOTA_UPLOAD_MAX_MB: z.coerce.number().positive().max(50).default(2),
  TRUST_PROXY: trustedProxies,
  /**
   * Slow and idle clients (shared/connections.ts): the headers, and the whole request with its body, must arrive within
   * these (else 408 and the connection closes); an idle keep-alive connection closes after HTTP_KEEP_ALIVE_TIMEOUT_MS,
   * any connection with no traffic either way after HTTP_IDLE_TIMEOUT_MS; one address holds at most
   * HTTP_CONNECTIONS_PER_ADDRESS connections at once (0: no bound; TRUST_PROXY's addresses are not counted).
   */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(25_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(65_000),
  HTTP_IDLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(120_000),
  HTTP_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).default(128),
  /**
   * Requests a caller (the signed-in person, else the IP address) may make per RATE_WINDOW_MS, counted in each
   * instance's memory: logins (POST /api/auth/*), writes (POST/PATCH/PUT/DELETE under /api), and everything.
   */
  RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  RATE_LOGIN_MAX: z.coerce.number().int().min(1).default(20),
  RATE_WRITE_MAX: z.coerce.number().int().min(1).default(60),
  RATE_GLOBAL_MAX: z.coerce.number().int().min(1).default(1200),
  /** Where the H5 app may load images from besides itself (the map's tiles), comma-separated. */
  CSP_IMG_HOSTS: cspHostList,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = z.infer<typeof envSchema>

/** Reads configuration from the environment and refuses combinations that would be unsafe in production. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${detail}`)
  }
  const config = parsed.data
  if (config.NODE_ENV === 'production' && config.AUTH_DEV_LOGIN) {
    throw new Error('Refusing to start: AUTH_DEV_LOGIN=1 is not allowed with NODE_ENV=production')
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    throw new Error(
      'HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
    )
  }
  if (config.AUTH_MODE === 'wechat' && (!config.WX_APPID || !config.WX_SECRET)) {
    throw new Error('AUTH_MODE=wechat needs WX_APPID and WX_SECRET')
  }
  return config
}

/** Dev login only when asked for (AUTH_DEV_LOGIN=1) on a machine named development or test: staging, prod or a typo never offer it. */
export const devLoginEnabled = (config: Config) =>
  config.AUTH_DEV_LOGIN && (config.NODE_ENV === 'development' || config.NODE_ENV === 'test')
