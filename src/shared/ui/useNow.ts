import { useEffect, useState } from 'react'

/**
 * The current time, renewed every `everyMs` while the page is open, so what depends on it (a check-in window
 * opening, a lecture starting) changes on screen by itself.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
