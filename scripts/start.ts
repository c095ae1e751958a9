// `npm start`: the API on SQLite with demo data, serving the H5 build of the app on the same port.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureTaroBuild } from './taro-build'

const root = join(__dirname, '..')

ensureTaroBuild('h5')

const api = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'server/src/main.ts')], {
  cwd: root,
  env: {
    SEED_DEMO: '1',
    AUTH_DEV_LOGIN: '1',
    DATABASE_URL: 'sqlite:./data/oldtown.db',
    STATIC_DIR: join(root, 'dist/h5'),
    ...process.env,
  },
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => api.kill(signal))
api.on('exit', (code) => process.exit(code ?? 0))
