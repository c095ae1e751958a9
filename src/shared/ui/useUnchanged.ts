import { useMemo } from 'react'

/**
 * The same object for as long as its content stays the same, so a prop built anew on every render (a map's
 * markers) is handed to the view only when something in it changed: Taro sends a prop whenever its identity does.
 */
export function useUnchanged<T>(value: T): T {
  const content = JSON.stringify(value)
  // Keyed by content on purpose: a value equal to the last one keeps the last one's identity.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => value, [content])
}
