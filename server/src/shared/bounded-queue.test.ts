import { createBoundedQueue } from './bounded-queue'

describe('a bounded queue', () => {
  it('runs at most `running` tasks at once, lets `waiting` more wait in order, and refuses the next at once', async () => {
    const inTurn = createBoundedQueue({ running: 2, waiting: 3, whenFull: () => new Error('full') })
    const started: number[] = []
    const finish: (() => void)[] = []
    let active = 0
    let mostAtOnce = 0
    const task = (n: number) =>
      inTurn(async () => {
        started.push(n)
        mostAtOnce = Math.max(mostAtOnce, ++active)
        await new Promise<void>((resolve) => finish.push(resolve))
        active--
        return n
      })

    const accepted = [1, 2, 3, 4, 5].map(task)
    await expect(task(6)).rejects.toThrow('full')
    await Promise.resolve()
    expect(started).toEqual([1, 2])

    while (finish.length > 0) {
      finish.shift()!()
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(accepted)).toEqual([1, 2, 3, 4, 5])
    expect(started).toEqual([1, 2, 3, 4, 5])
    expect(mostAtOnce).toBe(2)
  })

  it('hands the place on when a task fails', async () => {
    const inTurn = createBoundedQueue({ running: 1, waiting: 1, whenFull: () => new Error('full') })
    const failing = inTurn(() => Promise.reject(new Error('broken')))
    const next = inTurn(() => Promise.resolve('ran'))
    await expect(failing).rejects.toThrow('broken')
    expect(await next).toBe('ran')
    expect(await inTurn(() => Promise.resolve('and again'))).toBe('and again')
  })
})
