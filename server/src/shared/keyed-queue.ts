/**
 * Runs tasks that share a key one after another within this process; tasks with different keys run side by side.
 * It never decides anything (the database does, under its own lock, across instances): it only keeps a thousand
 * requests for one key from each holding a pooled connection while they wait for the same row lock.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<void>>()
  return function inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(key) ?? Promise.resolve()).then(task)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return result
  }
}
