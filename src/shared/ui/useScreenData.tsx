import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '../request'
import { useSettings } from '../settings'
import { Screen } from './Screen'
import { StateView } from './StateView'

export type ScreenData<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'error'; message: string }

/**
 * What a page shows: fetched each time the page comes into view and on pull-to-refresh. `pending` is the whole
 * screen while there is nothing to show yet (loading, or the error with a retry), else null.
 */
export function useScreenData<T>(fetch: () => Promise<T>) {
  const { t } = useSettings()
  const [state, setState] = useState<ScreenData<T>>({ kind: 'loading' })
  const reload = async () => {
    try {
      setState({ kind: 'ready', data: await fetch() })
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message : t('common.error') })
    }
  }
  useDidShow(() => void reload())
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()))

  const pending =
    state.kind === 'loading' ? (
      <Screen>
        <StateView state="loading" />
      </Screen>
    ) : state.kind === 'error' ? (
      <Screen>
        <StateView state="error" message={state.message} onRetry={() => void reload()} />
      </Screen>
    ) : null
  /** Applies the server's answer to one item without fetching the whole page again. */
  const update = (change: (data: T) => T) => setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: change(s.data) } : s))
  return { data: state.kind === 'ready' ? state.data : null, pending, reload, update }
}
