// What photo uploads cost the API process: CPU per file (the bombs included), memory after a burst of big photos,
// and how long other requests wait meanwhile. Measured from /proc, so the load generator's own work is not counted.
import { execSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { progressiveJpegBomb } from '../../tests/support/images'
import { AS_BUILT, startApiProcess } from '../../tests/support/server-process'

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString())
const MB = 1024 * 1024

/** User + system CPU seconds the process has used (fields 14 and 15 of /proc/<pid>/stat, after the command name). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND
}
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Photos as they arrive, and files made to cost as much as possible (all within the 2 MB upload limit). */
async function files() {
  const side = 7000
  const oneColour = () => sharp({ create: { width: side, height: side, channels: 3, background: '#b22222' } })
  const translucent = () => sharp({ create: { width: side, height: side, channels: 4, background: '#b2222280' } })
  // Blobs of colour blown up 80 times: a 50-megapixel picture that still fits in 2 MB.
  const blobs = await sharp({
    create: {
      width: 102,
      height: 77,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .png()
    .toBuffer()
  const phone = await sharp(blobs).resize(4032, 3024).jpeg({ quality: 85 }).toBuffer()
  const fiftyMegapixels = await sharp(blobs).resize(8160, 6120).jpeg({ quality: 70 }).toBuffer()
  return {
    phone,
    fiftyMegapixels,
    cases: [
      { what: 'phone photo, 12 MP JPEG', type: 'image/jpeg', bytes: phone, expected: 201 },
      { what: '50 MP JPEG', type: 'image/jpeg', bytes: fiftyMegapixels, expected: 201 },
      {
        what: '49 MP PNG of one colour',
        type: 'image/png',
        bytes: await oneColour().png({ palette: true, colours: 2 }).toBuffer(),
        expected: 201,
      },
      {
        what: '49 MP RGBA interlaced PNG',
        type: 'image/png',
        bytes: await translucent().png({ progressive: true, compressionLevel: 9 }).toBuffer(),
        expected: 201,
      },
      {
        what: '49 MP lossless WebP of one colour',
        type: 'image/webp',
        bytes: await translucent().webp({ lossless: true }).toBuffer(),
        expected: 201,
      },
      {
        what: '49 MP 16-bit RGBA PNG',
        type: 'image/png',
        bytes: await translucent().toColourspace('rgb16').png({ compressionLevel: 9 }).toBuffer(),
        expected: 413,
      },
      {
        what: '49 MP progressive JPEG, 32 scans',
        type: 'image/jpeg',
        bytes: progressiveJpegBomb(side, side, 32),
        expected: 201,
      },
      {
        what: '49 MP progressive JPEG, 883 scans',
        type: 'image/jpeg',
        bytes: progressiveJpegBomb(side, side, 883),
        expected: 415,
      },
    ],
  }
}

export async function benchUploads() {
  execSync('npm run build:server', { cwd: `${__dirname}/../..`, stdio: 'ignore' })
  const api = await startApiProcess({ QUOTA_UPLOADS_PER_DAY: '3' }, AS_BUILT)
  const signIn = async (openid: string) => {
    const answer = await fetch(`${api.base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
    })
    return ((await answer.json()) as { token: string }).token
  }
  const upload = async (token: string, bytes: Buffer, type: string) =>
    (
      await fetch(`${api.base}/api/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': type },
        body: bytes,
      })
    ).status
  try {
    const { phone, fiftyMegapixels, cases } = await files()
    await upload(await signIn('bench-warm'), phone, 'image/jpeg') // load sharp and the JIT
    const rssBefore = rssMb(api.pid)

    const costOf = async (token: string, { what, type, bytes, expected }: (typeof cases)[number]) => {
      const before = cpuSeconds(api.pid)
      const status = await upload(token, bytes, type)
      return { what, bytes: bytes.length, status, expected, cpu: cpuSeconds(api.pid) - before }
    }
    const costs = []
    for (const [n, file] of cases.entries()) costs.push(await costOf(await signIn(`bench-${n}`), file))
    const full = await signIn('bench-full')
    for (let n = 0; n < 3; n++) await upload(full, phone, 'image/jpeg')
    const bomb = cases.at(-1)!
    costs.push(await costOf(full, { ...bomb, what: `${bomb.what}, over the quota`, expected: 429 }))

    const atOnce = async (name: string, bytes: Buffer, type: string) => {
      const people = await Promise.all([0, 1, 2, 3].map((n) => signIn(`bench-${name}-${n}`)))
      let rssPeak = rssMb(api.pid)
      const listTimes: number[] = []
      let uploading = true
      const burst = Promise.all(people.map((token) => upload(token, bytes, type))).finally(() => (uploading = false))
      while (uploading) {
        const started = performance.now()
        await (await fetch(`${api.base}/api/stations?lat=23.6665&lng=116.644`)).arrayBuffer()
        listTimes.push(performance.now() - started)
        rssPeak = Math.max(rssPeak, rssMb(api.pid))
        await pause(50)
      }
      const statuses = await burst
      await pause(10_000)
      listTimes.sort((a, b) => a - b)
      return {
        statuses,
        rssPeak,
        rssIdle: rssMb(api.pid),
        listMedianMs: listTimes[Math.floor(listTimes.length / 2)] ?? 0,
        listMaxMs: listTimes.at(-1) ?? 0,
      }
    }
    // Four at once, while someone looks at the station list every 50 ms: photos as the brief names them, then the
    // accepted file that holds the most memory while it decodes (an interlaced PNG is decoded whole).
    const heaviest = cases.find((file) => file.what.includes('interlaced'))!
    return {
      costs,
      rssBefore,
      bursts: [
        {
          what: `four 50 MP JPEGs (${(fiftyMegapixels.length / MB).toFixed(1)} MB each)`,
          ...(await atOnce('jpeg', fiftyMegapixels, 'image/jpeg')),
        },
        { what: 'four 49 MP RGBA interlaced PNGs', ...(await atOnce('png', heaviest.bytes, heaviest.type)) },
      ],
    }
  } finally {
    await api.stop()
  }
}
