import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { RequestError } from '../client'
import { useSettings } from '../settings'
import { Screen } from './Screen'
import { StateView } from './StateView'

/** `key`: what the data was fetched for. */
type ScreenData<T> = { kind: 'loading' } | { kind: 'ready'; data: T; key: string } | { kind: 'error'; message: string }

/**
 * What a page shows: fetched each time the page comes into view, on pull-to-refresh and when `key` (what the page
 * is showing, e.g. a tab) changes. `pending` is the whole screen while there is nothing to show yet (loading, or the
 * error with a retry), else null; `placeholder` is the same without the screen around it, for a page that keeps its
 * tabs in view.
 */
export function useScreenData<T>(
  fetch: () => Promise<T>,
  key = '',
  {
    onShow = 'every',
    onNewKey = 'blank',
  }: {
    /** 'first': fetched only the first time the page is shown, e.g. a long list that keeps its pages and scroll. */
    onShow?: 'every' | 'first'
    /**
     * 'keep': what is shown stays (marked `stale`) until the answer for a new key replaces it, e.g. a list under its
     * filters: a tap then changes the chip and the items, not the whole screen twice.
     */
    onNewKey?: 'blank' | 'keep'
  } = {},
) {
  const { t } = useSettings()
  const [state, setState] = useState<ScreenData<T>>({ kind: 'loading' })
  // The newest closure, so a reload after a change of key fetches what the page now shows.
  const latest = useRef({ fetch, key })
  useEffect(() => {
    latest.current = { fetch, key }
  })
  // Only the newest fetch is shown: an answer for a tab left since must not replace the one now shown.
  const newest = useRef(0)
  // Nor an answer fetched before a write whose result `update` has shown since.
  const writes = useRef(0)
  const reload = useCallback(async () => {
    const fetchNumber = ++newest.current
    const writesBefore = writes.current
    const show = (next: ScreenData<T>) => {
      if (fetchNumber === newest.current && writes.current === writesBefore) setState(next)
    }
    const { fetch: fetchNow, key: keyNow } = latest.current
    try {
      show({ kind: 'ready', data: await fetchNow(), key: keyNow })
    } catch (error) {
      show({ kind: 'error', message: error instanceof RequestError ? error.message : t('common.error') })
    }
  }, [t])
  const shownKey = useRef(key)
  useEffect(() => {
    if (shownKey.current === key) return
    shownKey.current = key
    setState((s) => (onNewKey === 'keep' && s.kind === 'ready' ? s : { kind: 'loading' }))
    void reload()
  }, [key, reload, onNewKey])
  const shownBefore = useRef(false)
  useDidShow(() => {
    if (onShow === 'first' && shownBefore.current) return
    shownBefore.current = true
    void reload()
  })
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  /** In place of the content while there is nothing to show: loading, or the error with a retry. */
  const placeholder =
    state.kind === 'loading' ? (
      <StateView state="loading" />
    ) : state.kind === 'error' ? (
      <StateView state="error" message={state.message} onRetry={() => void reload()} />
    ) : null
  const pending = placeholder && <Screen>{placeholder}</Screen>
  /** Applies the server's answer to a write (or a further page) without fetching the whole page again. */
  const update = (change: (data: T) => T) =>
    setState((s) => {
      if (s.kind !== 'ready') return s
      writes.current++
      return { ...s, data: change(s.data) }
    })
  return {
    data: state.kind === 'ready' ? state.data : null,
    /** True while the data shown was fetched for another key (`onNewKey: 'keep'`), from the render the key changes. */
    stale: state.kind === 'ready' && state.key !== key,
    pending,
    placeholder,
    reload,
    update,
  }
}
