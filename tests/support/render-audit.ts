import { Buffer } from 'node:buffer'
import { performance } from 'node:perf_hooks'

/**
 * What the compiled pages send from the logic layer to the view: every `setData` call of every component (pages
 * included), with its size as WeChat counts it (UTF-8 bytes of the JSON) and the time the simulator took to apply
 * it. Installed before the first page is loaded; see shared/notes/faults-and-audits.md.
 */
export interface SetDataCall {
  bytes: number
  /** The data paths the call set, e.g. `root.cn.[0].cn.[3]`. */
  paths: string[]
  json: string
  ms: number
}

export interface Sent {
  calls: number
  bytes: number
  /** The calls themselves, for a closer look when a budget is missed. */
  log: SetDataCall[]
  /** Milliseconds the simulator spent applying them (benchmarks only: times are never asserted). */
  ms: number
}

type Options = Record<string, unknown> & { lifetimes?: Record<string, unknown>; created?: () => void }
type SetData = (data: Record<string, unknown>, callback?: () => void) => void

const calls: SetDataCall[] = []
let installed = false

/** Wraps `Component` (which the Page shim also goes through) so that each instance counts its own `setData`. */
export function auditSetData(): void {
  if (installed) return
  installed = true
  const g = globalThis as Record<string, unknown>
  const register = g.Component as (options: Options) => unknown
  g.Component = (options: Options) => {
    const created = (options.lifetimes?.created ?? options.created) as (() => void) | undefined
    return register({
      ...options,
      lifetimes: {
        ...options.lifetimes,
        created(this: { setData: SetData }) {
          const setData = this.setData
          this.setData = function (this: unknown, data, callback) {
            const json = JSON.stringify(data)
            const started = performance.now()
            setData.call(this, data, callback)
            calls.push({
              bytes: Buffer.byteLength(json),
              paths: Object.keys(data),
              json,
              ms: performance.now() - started,
            })
          }
          created?.call(this)
        },
      },
    })
  }
}

/** A mark in the log: `sentSince(mark)` adds up what was sent after it. */
export const markSent = () => calls.length

export function sentSince(mark: number): Sent {
  const log = calls.slice(mark)
  return {
    calls: log.length,
    bytes: log.reduce((sum, c) => sum + c.bytes, 0),
    ms: log.reduce((sum, c) => sum + c.ms, 0),
    log,
  }
}

/** Waits until nothing has been sent for `quietMs` (Taro batches a render into one call; a fetch may follow). */
export async function settle(quietMs = 300, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let seen = calls.length
  let quietSince = Date.now()
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error('the page kept sending updates')
    await new Promise((r) => setTimeout(r, 25))
    if (calls.length !== seen) {
      seen = calls.length
      quietSince = Date.now()
    }
  }
}

/** A node of the tree Taro keeps in the page's data (`root`), as the view renders it. */
export interface TaroNode {
  nn: string | number
  sid?: string
  uid?: string
  cl?: string
  v?: string
  cn?: TaroNode[]
  [prop: string]: unknown
}

/** Every element of the rendered page (text runs inside an element are not nodes of their own in WXML). */
export function elementsOf(root: TaroNode): TaroNode[] {
  const children = (root.cn ?? []).filter((c) => c.v === undefined)
  return [root, ...children.flatMap(elementsOf)]
}

export const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value))
