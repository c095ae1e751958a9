import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import simulate from 'miniprogram-simulate'

/**
 * The globals a real mini-program runtime gives the compiled app (App, Page, getApp, wx), with wx.request
 * going to a real API over HTTP. See shared/notes/weapp-simulate.md.
 */
export const WEAPP_ROOT = join(__dirname, '../../dist/weapp')

export interface WxOptions {
  /**
   * The API a test runs: every wx.request goes there, path and query kept. The build itself talks to its
   * build-time API_BASE (config/index.ts), so nothing in the app can be pointed elsewhere at run time.
   */
  api?: string
  storage?: Record<string, unknown>
  /** A GCJ-02 point, or 'denied' to act as a visitor who declined location. */
  location?: { latitude: number; longitude: number } | 'denied'
  /** Which line of an action sheet the person taps (default: the third). */
  actionSheetChoice?: number
  /** What the person answers in the subscribe-message prompt (default: accepts every template). */
  subscribe?: 'accept' | 'reject'
  /** What the camera reads when the app scans a code. */
  scan?: string
  /** WeChat's own text size in px (我 → 设置 → 通用 → 字体大小); 17 is the standard. Read when the app launches. */
  fontSizeSetting?: number
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }

function settle<T>(options: Callbacks, run: () => Promise<T>): Promise<T> {
  return run().then(
    (result) => {
      options.success?.(result)
      options.complete?.(result)
      return result
    },
    (error: unknown) => {
      options.fail?.(error)
      options.complete?.(error)
      throw error
    },
  )
}

/** Which page is being rendered, and its query: set by renderPage just before it attaches one. */
const nextPage: { route: string; query: Record<string, string> } = { route: '', query: {} }

export interface WxRuntime {
  storage: Map<string, unknown>
  requests: string[]
  toasts: string[]
  navigations: string[]
  /** The template ids of each subscribe-message prompt shown. */
  subscribePrompts: string[][]
  /** The badge text on each tab (by index) that has one. */
  tabBadges: Map<number, string>
  /** The selectors pages looked up with createSelectorQuery (the charts' canvases). */
  selectorQueries: string[]
  /** How many pull-to-refreshes the pages have finished (stopPullDownRefresh calls). */
  refreshesDone: number
  /** Each modal shown ({title, content}); the person confirms it. */
  modals: { title?: string; content?: string }[]
  /** Each event the app asked to add to the phone's calendar. */
  calendarEvents: Record<string, unknown>[]
  /** WeChat has downloaded a new version: runs what the app registered with the update manager. */
  updateReady(): void
  /** How many times the app restarted into a new version (UpdateManager.applyUpdate). */
  updatesApplied: number
}

/**
 * The compiled app keeps the `wx` it saw first, so the runtime is installed once per test file and later
 * calls only change what it answers (storage, location) and start fresh logs.
 */
let installed: { runtime: WxRuntime; options: WxOptions } | null = null

export function installWxRuntime(options: WxOptions = {}): WxRuntime {
  if (installed) {
    installed.options.api = options.api
    installed.options.scan = options.scan
    installed.options.location = options.location
    installed.options.subscribe = options.subscribe
    installed.options.actionSheetChoice = options.actionSheetChoice
    installed.options.fontSizeSetting = options.fontSizeSetting
    installed.runtime.subscribePrompts.length = 0
    installed.runtime.storage.clear()
    for (const [k, v] of Object.entries(options.storage ?? {})) installed.runtime.storage.set(k, v)
    installed.runtime.requests.length = 0
    installed.runtime.toasts.length = 0
    installed.runtime.navigations.length = 0
    installed.runtime.tabBadges.clear()
    installed.runtime.selectorQueries.length = 0
    installed.runtime.refreshesDone = 0
    installed.runtime.modals.length = 0
    installed.runtime.calendarEvents.length = 0
    installed.runtime.updatesApplied = 0
    return installed.runtime
  }
  options = { ...options }
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const runtime: WxRuntime = {
    storage,
    requests: [],
    toasts: [],
    navigations: [],
    subscribePrompts: [],
    tabBadges: new Map(),
    selectorQueries: [],
    refreshesDone: 0,
    modals: [],
    calendarEvents: [],
    updateReady: () => updateListeners.forEach((listener) => listener()),
    updatesApplied: 0,
  }
  const updateListeners: (() => void)[] = []
  installed = { runtime, options }
  const g = globalThis as Record<string, unknown>
  let app: Record<string, unknown> = {}

  g.App = (appOptions: Record<string, unknown>) => {
    app = appOptions
    ;(appOptions.onLaunch as ((o: object) => void) | undefined)?.call(appOptions, {})
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.Page = (pageOptions: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(pageOptions)) if (typeof value === 'function') methods[key] = value
    return (g.Component as (o: object) => void)({
      data: pageOptions.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown>) {
          this.route = nextPage.route
          this.__route__ = nextPage.route
          ;(this.onLoad as ((q: object) => void) | undefined)?.call(this, nextPage.query)
        },
        ready(this: Record<string, () => void>) {
          this.onShow?.call(this)
          this.onReady?.call(this)
        },
      },
    })
  }

  const wx = {
    request(
      o: Callbacks & {
        url: string
        method?: string
        data?: unknown
        header?: Record<string, string>
        dataType?: string
      },
    ) {
      const target = new URL(o.url)
      const url = options.api ? options.api + target.pathname + target.search : o.url
      runtime.requests.push(`${o.method ?? 'GET'} ${url}`)
      let req: ReturnType<typeof httpRequest> | null = null
      void settle(
        o,
        () =>
          new Promise((resolve, reject) => {
            const body = o.data === undefined || (o.method ?? 'GET') === 'GET' ? undefined : JSON.stringify(o.data)
            req = httpRequest(url, { method: o.method ?? 'GET', headers: o.header }, (res) => {
              let text = ''
              res.setEncoding('utf8')
              res.on('data', (c) => (text += c))
              res.on('end', () => {
                let data: unknown = text
                // WeChat parses JSON only when asked to (dataType 'json', its default), and hands over text otherwise.
                if ((o.dataType ?? 'json') === 'json') {
                  try {
                    data = JSON.parse(text)
                  } catch {
                    // not JSON: hand it over as text, as WeChat does
                  }
                }
                resolve({ data, statusCode: res.statusCode, header: res.headers, errMsg: 'request:ok' })
              })
            })
            req.on('error', (e) => reject({ errMsg: `request:fail ${e.message}` }))
            req.end(body)
          }),
      ).catch(() => undefined)
      return { abort: () => req?.destroy() }
    },
    /** The code WeChat would hand out; the API trades it for a session through code2session. */
    login: (o: Callbacks) =>
      void settle(o, async () => ({ code: 'good-code', errMsg: 'login:ok' })).catch(() => undefined),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getLocation: (o: Callbacks) =>
      settle(o, async () => {
        if (!options.location || options.location === 'denied') throw { errMsg: 'getLocation:fail auth deny' }
        return { ...options.location, errMsg: 'getLocation:ok' }
      }).catch(() => undefined),
    requestSubscribeMessage: (o: Callbacks & { tmplIds: string[] }) => {
      runtime.subscribePrompts.push(o.tmplIds)
      const answer = options.subscribe ?? 'accept'
      void settle(o, async () => ({
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries(o.tmplIds.map((id) => [id, answer])),
      })).catch(() => undefined)
    },
    scanCode: (o: Callbacks) =>
      settle(o, async () => {
        if (options.scan === undefined) throw { errMsg: 'scanCode:fail cancel' }
        return { result: options.scan, scanType: 'QR_CODE', errMsg: 'scanCode:ok' }
      }).catch(() => undefined),
    showActionSheet: (o: Callbacks & { itemList: string[] }) =>
      void settle(o, async () => ({ errMsg: 'showActionSheet:ok', tapIndex: options.actionSheetChoice ?? 2 })).catch(
        () => undefined,
      ),
    showToast: (o: Callbacks & { title: string }) => {
      runtime.toasts.push(o.title)
      void settle(o, async () => ({ errMsg: 'showToast:ok' }))
    },
    navigateTo: (o: Callbacks & { url: string }) => {
      runtime.navigations.push(o.url)
      void settle(o, async () => ({ errMsg: 'navigateTo:ok' }))
    },
    navigateBack: (o: Callbacks = {}) => {
      runtime.navigations.push('back')
      void settle(o, async () => ({ errMsg: 'navigateBack:ok' }))
    },
    switchTab: (o: Callbacks & { url: string }) => {
      runtime.navigations.push(o.url)
      void settle(o, async () => ({ errMsg: 'switchTab:ok' }))
    },
    stopPullDownRefresh: (o: Callbacks = {}) => {
      runtime.refreshesDone++
      void settle(o, async () => ({ errMsg: 'stopPullDownRefresh:ok' }))
    },
    setTabBarItem: (o: Callbacks) => void settle(o, async () => ({ errMsg: 'setTabBarItem:ok' })),
    setTabBarBadge: (o: Callbacks & { index: number; text: string }) => {
      runtime.tabBadges.set(o.index, o.text)
      void settle(o, async () => ({ errMsg: 'setTabBarBadge:ok' }))
    },
    removeTabBarBadge: (o: Callbacks & { index: number }) => {
      runtime.tabBadges.delete(o.index)
      void settle(o, async () => ({ errMsg: 'removeTabBarBadge:ok' }))
    },
    setNavigationBarTitle: (o: Callbacks) => void settle(o, async () => ({ errMsg: 'setNavigationBarTitle:ok' })),
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 812,
      pixelRatio: 2,
      language: 'zh_CN',
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    getDeviceInfo: () => ({ platform: 'devtools' }),
    getAppBaseInfo: () => ({ language: 'zh_CN', fontSizeSetting: options.fontSizeSetting ?? 17 }),
    getUpdateManager: () => ({
      onCheckForUpdate: () => undefined,
      onUpdateFailed: () => undefined,
      onUpdateReady: (listener: () => void) => void updateListeners.push(listener),
      applyUpdate: () => {
        runtime.updatesApplied++
      },
    }),
    showModal: (o: Callbacks & { title?: string; content?: string }) => {
      runtime.modals.push({ title: o.title, content: o.content })
      void settle(o, async () => ({ errMsg: 'showModal:ok', confirm: true, cancel: false }))
    },
    addPhoneCalendar: (o: Callbacks & Record<string, unknown>) => {
      const { success: _s, fail: _f, complete: _c, ...event } = o
      runtime.calendarEvents.push(event)
      void settle(o, async () => ({ errMsg: 'addPhoneCalendar:ok' }))
    },
    canIUse: () => true,
    /** The simulator lays nothing out and draws no canvas: every element found comes back without a node. */
    createSelectorQuery: () => {
      const selected: string[] = []
      const query = {
        in: () => query,
        select(selector: string) {
          selected.push(selector)
          runtime.selectorQueries.push(selector)
          return { fields: () => query, boundingClientRect: () => query, node: () => query }
        },
        exec: (callback?: (results: null[]) => void) => setTimeout(() => callback?.(selected.map(() => null)), 0),
      }
      return query
    },
    nextTick: (fn: () => void) => setTimeout(fn, 0),
  }
  g.wx = wx
  return runtime
}

export interface RenderedPage {
  /** What the page shows now, as markup. */
  html(): string
  /** Taps the element with this selector (Taro's onClick handlers run). */
  tap(selector: string): void
  /** Fires another event a component sends, e.g. the map's `markertap` with `{ markerId }`. */
  fire(selector: string, event: string, detail: object): void
  /** Waits until the page shows `text` (or the markup passes the check), or fails after `timeoutMs`. */
  waitFor(text: string | RegExp | ((html: string) => boolean), timeoutMs?: number): Promise<void>
  /** Runs one of the page's own events as WeChat does: the person pulls down, or scrolls to the end. */
  pageEvent(name: 'onPullDownRefresh' | 'onReachBottom'): void
  /** What the page answers when the person shares it to a chat or to Moments; undefined when it cannot be shared. */
  share(to: 'onShareAppMessage' | 'onShareTimeline'): unknown
  /** The tree Taro keeps in the page's data (`root`), which the view renders. */
  tree(): unknown
  /** The rendered elements with every attribute the compiled templates gave them (aria-* included). */
  elements(): RenderedElement[]
}

/** An element of the rendered page as the templates made it. */
export interface RenderedElement {
  tagName: string
  attrs: Record<string, unknown>
  /** Its text, children's included. */
  text: string
}

interface RenderedJson {
  tagName: string
  attrs: { name: string; value: unknown }[]
  children: (RenderedJson | string)[]
}

function flatten(node: RenderedJson): RenderedElement[] {
  const text = (n: RenderedJson | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''))
  const self = {
    tagName: node.tagName,
    // The simulator keeps attribute names camel-cased (ariaLabel); the .wxml, and WeChat, say aria-label.
    attrs: Object.fromEntries(node.attrs.map((a) => [a.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), a.value])),
    text: text(node),
  }
  return [self, ...node.children.flatMap((c) => (typeof c === 'string' ? [] : flatten(c)))]
}

const loadedPages = new Map<string, string>()
/** One page on screen at a time, as in the real runtime's page stack top. */
let shownPage: { detach(): void } | null = null

/** Loads the compiled app once, then renders one page of it the way the mini-program runtime would. */
export function renderPage(pagePath: string, query: Record<string, string> = {}): RenderedPage {
  const g = globalThis as Record<string, unknown>
  if (!g.__othAppLoaded) {
    // The compiled app registers itself with the runtime when loaded, synchronously, as WeChat loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(join(WEAPP_ROOT, 'app.js'))
    g.__othAppLoaded = true
  }
  nextPage.route = pagePath
  nextPage.query = query
  // A page module registers its component once, when first required; later renders reuse that id.
  const id = loadedPages.get(pagePath) ?? simulate.load(join(WEAPP_ROOT, pagePath), { rootPath: WEAPP_ROOT })
  loadedPages.set(pagePath, id)
  shownPage?.detach()
  const component = simulate.render(id)
  component.attach(document.createElement('parent-wrapper'))
  shownPage = component
  const html = () => component.dom?.innerHTML ?? ''
  return {
    html,
    tap(selector) {
      const target = component.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector}`)
      target.dispatchEvent('tap')
    },
    fire(selector, event, detail) {
      const target = component.querySelector(selector)
      if (!target) throw new Error(`nothing matches ${selector}`)
      target.dispatchEvent(event, { detail })
    },
    pageEvent(name) {
      ;(component.instance as unknown as Record<string, () => void>)[name]!()
    },
    share(to) {
      const handler = (component.instance as unknown as Record<string, ((o: object) => unknown) | undefined>)[to]
      return handler?.call(component.instance, { from: 'menu' })
    },
    tree: () => (component.data as { root?: unknown }).root,
    elements: () => flatten(component.toJSON()),
    async waitFor(text, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      const found = () =>
        typeof text === 'string' ? html().includes(text) : text instanceof RegExp ? text.test(html()) : text(html())
      while (!found()) {
        if (Date.now() > deadline) {
          const shown = html()
            .replace(/<[^>]+>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 1500)
          throw new Error(`page never showed ${String(text)}; it shows:\n${shown}`)
        }
        await simulate.sleep(50)
      }
    },
  }
}
