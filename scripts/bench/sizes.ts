// Package sizes of the weapp build, counted by WeChat's own analyser (miniprogram-ci), offline.
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as ci from 'miniprogram-ci'

export async function weappSizes(projectPath: string) {
  // analyseCode never talks to WeChat, but Project wants an upload key path: a throwaway one will do.
  const keyPath = join(mkdtempSync(join(tmpdir(), 'oth-key-')), 'private.key')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }))
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath,
    privateKeyPath: keyPath,
  })
  const result = await ci.analyseCode(project, { silent: true })
  if (!result) throw new Error('miniprogram-ci analyseCode returned nothing')
  const packages = new Map<string, number>()
  for (const file of result.files) {
    const name = file.subPackage ?? '__MAIN__'
    packages.set(name, (packages.get(name) ?? 0) + file.size)
  }
  const total = [...packages.values()].reduce((a, b) => a + b, 0)
  return { main: packages.get('__MAIN__') ?? 0, subpackages: [...packages].filter(([n]) => n !== '__MAIN__'), total }
}
