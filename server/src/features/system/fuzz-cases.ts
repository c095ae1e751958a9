/**
 * The cases the fuzz suite (fuzz.test.ts) sends to one operation of the API document: a valid sample of its body, then
 * each field and each path and query value swapped for junk — wrong types, control characters, invisible text, absurd
 * numbers and sizes — and raw payloads that are not JSON. Seeded, so a failure comes back the same on the next run.
 */

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema | false
  prefixItems?: JsonSchema[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  pattern?: string
  format?: string
}
export interface Operation {
  parameters?: { in: 'path' | 'query'; name: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
}
export interface Case {
  url: string
  body?: unknown
  /** A raw payload sent as is, with its content type. */
  raw?: { payload: string; contentType: string }
  /** Carries a control character: must never be accepted. */
  control?: boolean
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** mulberry32: a small seeded generator, the same cases on every run. */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009B',
]
const INVISIBLE_ONLY = [
  '\u200B\u200B\u200B',
  '\u200C\u200D\u2060\uFEFF',
  ' \u3000\u00A0 ',
  '\u3164\u3164',
  '\u202E\u200E',
]
const KNOWN_IDS: Record<string, string> = {
  stations: 'st_paifangjie',
  wishes: 'wi_demo_faucet',
  guesthouses: 'gh_jiadi',
  communityId: 'cm_jiadi',
  guesthouseId: 'gh_jiadi',
}
const PATTERN_SAMPLES: [string, string][] = [
  ['1\\d{10}', '13800000000'],
  ['[0-9+', '0768-1234567'],
  [':[0-5]', '08:00'],
  ['\\d{4}-\\d{2}', '2026-12-24'],
]
const DATE_TIMES = [
  '2026-02-31T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2026-13-01T00:00:00Z',
  '2026-12-01T24:00:00+08:00',
  '2026-12-01T02:00:00+23:59',
]

/** A plausible valid value, so that one changed field at a time reaches the code behind validation. */
function sample(schema: JsonSchema, key = ''): unknown {
  if (schema.const !== undefined) return schema.const
  if (schema.enum) return schema.enum[0]
  if (schema.default !== undefined) return schema.default
  const variants = schema.anyOf ?? schema.oneOf
  if (variants) return sample(variants.find((v) => v.type !== 'null') ?? variants[0]!, key)
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sample(s, k)]))
    case 'array':
      if (schema.prefixItems) return schema.prefixItems.map((s) => sample(s, key))
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items || {}, key))
    case 'number':
    case 'integer':
      if (key === 'lat') return 23.6665
      if (key === 'lng') return 116.644
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1)
    case 'boolean':
      return true
    case 'string': {
      if (schema.format === 'date-time') return key === 'endsAt' ? '2026-12-01T03:30:00Z' : '2026-12-01T02:00:00Z'
      if (KNOWN_IDS[key]) return KNOWN_IDS[key]
      const byPattern = schema.pattern && PATTERN_SAMPLES.find(([part]) => schema.pattern!.includes(part))
      if (byPattern) return byPattern[1]
      return '古城红驿测试内容'
        .repeat(4)
        .slice(0, schema.maxLength ?? 8)
        .padEnd(schema.minLength ?? 0, '驿')
    }
    default:
      return 'x'
  }
}

/** Where a value sits in a body, and the schema it answers to. */
type Leaf = { path: string[]; schema: JsonSchema }
function leavesOf(schema: JsonSchema, path: string[] = []): Leaf[] {
  const concrete = (schema.anyOf ?? schema.oneOf)?.find((v) => v.type !== 'null') ?? schema
  const here = path.length > 0 ? [{ path, schema: concrete }] : []
  if (concrete.type === 'object')
    return [...here, ...Object.entries(concrete.properties ?? {}).flatMap(([k, s]) => leavesOf(s, [...path, k]))]
  if (concrete.type === 'array' && concrete.items) return [...here, ...leavesOf(concrete.items, [...path, '0'])]
  return here
}

function withValue(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>
  let target: Record<string, unknown> = copy
  for (const [index, key] of path.entries()) {
    if (index === path.length - 1) target[key] = value
    else {
      target[key] ??= /^\d+$/.test(path[index + 1]!) ? [] : {}
      target = target[key] as Record<string, unknown>
    }
  }
  return copy
}

function valuesFor(schema: JsonSchema, random: () => number): { value: unknown; control?: boolean }[] {
  const control = () => CONTROL_CHARACTERS[Math.floor(random() * CONTROL_CHARACTERS.length)]!
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  const junk: { value: unknown }[] = [
    { value: null },
    { value: {} },
    { value: [] },
    { value: pick<unknown>([true, 0, 'x']) },
  ]
  switch (schema.type) {
    case 'string':
      return [
        { value: `古城\u0000红驿`, control: true },
        { value: `a${control()}b`, control: true },
        { value: control(), control: true },
        { value: pick(INVISIBLE_ONLY) },
        { value: 'first line\nsecond line' },
        { value: 'a\tb' },
        { value: 'a\rb' },
        { value: 'x'.repeat(100_000) },
        { value: '😀'.repeat(30) },
        ...(schema.format === 'date-time' ? DATE_TIMES.map((value) => ({ value })) : [{ value: pick(DATE_TIMES) }]),
        { value: 12 },
        ...junk,
      ]
    case 'number':
    case 'integer':
      return [
        ...[
          1e308,
          -1e308,
          2 ** 63,
          -1,
          0.5,
          -0,
          Number.MIN_VALUE,
          Number.MAX_SAFE_INTEGER + 2,
          'NaN',
          'Infinity',
          '1',
        ].map((value) => ({ value })),
        ...junk,
      ]
    case 'boolean':
      return [{ value: 'true' }, { value: 1 }, ...junk]
    case 'array':
      return [{ value: Array.from({ length: 500 }, () => 'x') }, { value: [null] }, { value: 'x' }, { value: {} }]
    default:
      return [{ value: [] }, { value: 'x' }, { value: 1 }]
  }
}

const PATH_JUNK: { value: string; control?: boolean }[] = [
  { value: '%00', control: true },
  { value: 'st%01x', control: true },
  { value: '%C2%85', control: true },
  { value: 'a%0Ab', control: true },
  { value: 'a'.repeat(200) },
  { value: 'a'.repeat(41) },
  { value: '..%2f..%2fapi%2fhealth' },
  { value: '%F0%9F%98%80' },
  { value: '%E2%80%8B' },
  { value: '%zz' },
  { value: '%' },
  { value: '%20' },
  { value: '-1' },
  { value: '1e308' },
  { value: 'NaN' },
  { value: '__proto__' },
  { value: "x'%20OR%201=1--" },
]
const QUERY_JUNK: { value: string; control?: boolean }[] = [
  { value: '%00', control: true },
  { value: '%1F', control: true },
  { value: '%7F', control: true },
  { value: 'a%09b', control: true },
  { value: 'NaN' },
  { value: 'Infinity' },
  { value: '1e308' },
  { value: '-1' },
  { value: '0.5' },
  { value: '9007199254740993' },
  { value: 'x'.repeat(500) },
  { value: '%E2%80%8B' },
  { value: '%F0%9F%98%80' },
  { value: '%zz' },
]

export function casesFor(path: string, operation: Operation, random: () => number): Case[] {
  const params = operation.parameters ?? []
  const pathValues = Object.fromEntries(
    params
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        p.schema.enum ? String(p.schema.enum[0]) : (KNOWN_IDS[path.split('/')[2] ?? ''] ?? 'x_missing'),
      ]),
  )
  const urlWith = (overrides: Record<string, string> = {}, query = '') =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? pathValues[name]!) + query
  const bodySchema = operation.requestBody?.content['application/json']?.schema
  const body = bodySchema ? sample(bodySchema) : undefined
  const cases: Case[] = [{ url: urlWith(), body }]

  for (const name of Object.keys(pathValues))
    for (const junk of PATH_JUNK) cases.push({ url: urlWith({ [name]: junk.value }), body, control: junk.control })

  for (const param of params.filter((p) => p.in === 'query')) {
    for (const junk of QUERY_JUNK)
      cases.push({ url: urlWith({}, `?${param.name}=${junk.value}`), body, control: junk.control })
    cases.push({ url: urlWith({}, `?${param.name}=a&${param.name}=b`), body })
  }
  cases.push({ url: urlWith({}, '?__proto__=x&constructor[prototype][x]=1&extra=%00'), body, control: true })

  if (bodySchema) {
    for (const whole of [undefined, null, [], 'text', 42, [body], { ...(body as object), unexpected: 'x' }])
      cases.push({ url: urlWith(), body: whole })
    for (const key of bodySchema.required ?? []) {
      const { [key]: _omitted, ...rest } = body as Record<string, unknown>
      cases.push({ url: urlWith(), body: rest })
    }
    for (const leaf of leavesOf(bodySchema))
      for (const { value, control } of valuesFor(leaf.schema, random))
        cases.push({ url: urlWith(), body: withValue(body, leaf.path, value), control })
    cases.push({ url: urlWith(), body: { ...(body as object), [`k\u0000ey`]: 'x' }, control: true })
  }
  for (const raw of [
    { payload: '{"a":', contentType: 'application/json' },
    { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json' },
    { payload: '['.repeat(50_000) + ']'.repeat(50_000), contentType: 'application/json' },
    { payload: 'a\u0000b', contentType: 'text/plain' },
    { payload: 'a=1&b=%00', contentType: 'application/x-www-form-urlencoded' },
    { payload: '\u0000\u0001', contentType: 'application/octet-stream' },
    { payload: 'id,name\r\n=1+1,"\u0000', contentType: 'text/csv' },
    { payload: 'PK\u0003\u0004\u0000junk', contentType: XLSX_TYPE },
  ])
    cases.push({ url: urlWith(), raw })
  return cases
}
