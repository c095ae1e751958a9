/**
 * Runs at most `running` tasks at once and lets at most `waiting` more wait their turn, in arrival order; one more
 * is refused at once with `whenFull()`. So a kind of work that could take every core (decoding photos) leaves the
 * rest to other requests, and what waiting requests hold in memory stays bounded.
 */
export function createBoundedQueue(limits: { running: number; waiting: number; whenFull: () => Error }) {
  let active = 0
  const queue: (() => void)[] = []
  const handOn = () => {
    const next = queue.shift()
    if (next) next()
    else active--
  }
  return async function inTurn<T>(task: () => Promise<T>): Promise<T> {
    if (active < limits.running) active++
    else if (queue.length < limits.waiting) await new Promise<void>((resolve) => queue.push(resolve))
    else throw limits.whenFull()
    try {
      return await task()
    } finally {
      handOn()
    }
  }
}
