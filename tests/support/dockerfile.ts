import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Instruction {
  op: string
  args: string
}

export interface Stage {
  name: string
  instructions: Instruction[]
}

/**
 * The root Dockerfile as stages of instructions (continuation lines joined, comments dropped), so the tests run the
 * image's own commands rather than a copy of them.
 */
export function readDockerfile(path = join(__dirname, '../../Dockerfile')): Stage[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
  const stages: Stage[] = []
  for (const line of lines) {
    const [, op = '', args = ''] = /^(\S+)\s+(.*)$/.exec(line) ?? []
    if (op.toUpperCase() === 'FROM') {
      stages.push({ name: / AS (\S+)$/i.exec(args)?.[1] ?? `stage${stages.length}`, instructions: [] })
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args: args.replace(/\s+/g, ' ') })
    }
  }
  return stages
}

export const argsOf = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op).map((i) => i.args)

/** `ENV A=1 B=2` lines as one record. */
export const envOf = (stage: Stage): Record<string, string> =>
  Object.fromEntries(
    argsOf(stage, 'ENV').flatMap((args) => args.split(' ').map((pair) => pair.split('=') as [string, string])),
  )
