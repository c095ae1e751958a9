import type { Db } from '../../db/index.js'
import type { SheetRowError } from '../../shared/errors.js'
import { loadRoster, rosterKey } from '../members/roster.js'
import { memberRegisterSchema, type MemberRegister } from '../members/schemas.js'
import type { SheetColumn } from './files.js'
import type { SheetKindSpec } from './kinds.js'
import { rowError, sameFields, schemaErrors } from './rows.js'

const STATUSES = ['listed', 'verified', 'pending', 'rejected'] as const
type RosterStatus = (typeof STATUSES)[number]
/** Registrations shown for information: a row with one of these is never written. */
const READ_ONLY: RosterStatus[] = ['pending', 'rejected']

const memberColumns: SheetColumn[] = [
  { key: 'realName', zh: '姓名（2–20 字）', en: 'Real name (2–20 characters)' },
  { key: 'phone', zh: '手机号（11 位）', en: 'Mobile phone (11 digits)' },
  { key: 'workUnit', zh: '工作单位（2–60 字）', en: 'Work unit (2–60 characters)' },
  { key: 'branch', zh: '所在党支部（2–60 字）', en: 'Party branch (2–60 characters)' },
  { key: 'communityId', zh: '报到社区编号，如 cm_jiadi', en: 'The community reported to, e.g. cm_jiadi' },
  {
    key: 'status',
    zh:
      '导出时：listed 在名册未报到、verified 已核实、pending 待审核（不在名册）、rejected 未通过。' +
      '导入时：留空、listed 或 verified 的行是名册，会核实同社区同手机号的待审核报到；pending、rejected 的行只读',
    en:
      'On export: listed (on the roster, not registered), verified, pending (registered, not on the roster) or ' +
      'rejected. On import: a blank, listed or verified row is a roster row and verifies pending registrations with ' +
      'its phone and community; pending and rejected rows are read-only',
    optional: true,
  },
]

/** What the export says for one phone in one community: the roster's row, else the registration's. */
interface RosterRecord {
  fields: MemberRegister
  status: RosterStatus
  onRoster: boolean
  /** Registrations with this phone and community waiting for staff. */
  pending: number
}

const exportRow = ({ fields, status }: RosterRecord) => [
  fields.realName,
  fields.phone,
  fields.workUnit,
  fields.branch,
  fields.communityId,
  status,
]

/** The best a registration of this phone has come to: verified over pending over rejected. */
const RANK: Record<'verified' | 'pending' | 'rejected', number> = { verified: 3, pending: 2, rejected: 1 }

async function rosterRecords(db: Db, communities: string[] | null): Promise<RosterRecord[]> {
  let roster = db.selectFrom('roster_entries').selectAll()
  let registrations = db
    .selectFrom('members')
    .select(['real_name', 'phone', 'work_unit', 'branch', 'community_id', 'status'])
  if (communities !== null) {
    if (communities.length === 0) return []
    roster = roster.where('community_id', 'in', communities)
    registrations = registrations.where('community_id', 'in', communities)
  }
  const records = new Map<string, RosterRecord>()
  for (const r of await roster.execute())
    records.set(rosterKey(r.community_id, r.phone), {
      fields: {
        realName: r.real_name,
        phone: r.phone,
        workUnit: r.work_unit,
        branch: r.branch,
        communityId: r.community_id,
      },
      status: 'listed',
      onRoster: true,
      pending: 0,
    })
  for (const m of await registrations.execute()) {
    const key = rosterKey(m.community_id, m.phone)
    const fields = {
      realName: m.real_name,
      phone: m.phone,
      workUnit: m.work_unit,
      branch: m.branch,
      communityId: m.community_id,
    }
    const record = records.get(key) ?? { fields, status: m.status, onRoster: false, pending: 0 }
    if (m.status === 'pending') record.pending += 1
    if (record.status === 'listed' || RANK[m.status] > RANK[record.status]) record.status = m.status
    records.set(key, record)
  }
  return [...records.values()].sort(
    (a, b) => a.fields.communityId.localeCompare(b.fields.communityId) || a.fields.phone.localeCompare(b.fields.phone),
  )
}

/**
 * The 双报到 roster. Rows are matched by community and phone (no id column): a roster row new to the roster is added,
 * a known one updated, and every pending registration with that phone and community verified in the same transaction.
 * Rows the export lists as pending or rejected registrations are read back only to check they are unchanged.
 */
export const memberSheet: SheetKindSpec = {
  title: '双报到名册 members',
  columns: memberColumns,
  exportRows: async (db, communities) => (await rosterRecords(db, communities)).map(exportRow),
  plan: async (db, scope, rows) => {
    const records = new Map(
      (await rosterRecords(db, null)).map((r) => [rosterKey(r.fields.communityId, r.fields.phone), r]),
    )
    const errors: SheetRowError[] = []
    const seen = new Set<string>()
    const written: MemberRegister[] = []
    let unchanged = 0
    let created = 0
    let verified = 0
    for (const { number, text } of rows) {
      const status = text.status as RosterStatus | ''
      if (status !== '' && !STATUSES.includes(status)) {
        errors.push(
          rowError(
            number,
            'status',
            'INVALID',
            `status 只能是 ${STATUSES.join('、')} 或留空`,
            'status is not one of ours',
          ),
        )
        continue
      }
      const parsed = memberRegisterSchema.safeParse({ ...text, communityId: text.communityId || scope.soleCommunity() })
      if (!parsed.success) {
        errors.push(...schemaErrors(number, parsed.error, (path) => String(path[0] ?? 'phone')))
        continue
      }
      const fields = parsed.data
      const refusal = scope.refusal(number, fields.communityId)
      if (refusal) {
        errors.push(refusal)
        continue
      }
      const key = rosterKey(fields.communityId, fields.phone)
      const current = records.get(key)
      const same = current !== undefined && sameFields(current.fields, fields)
      if (READ_ONLY.includes(status as RosterStatus)) {
        if (same) unchanged += 1
        else errors.push(readOnly(number))
        continue
      }
      if (seen.has(key)) {
        errors.push(
          rowError(
            number,
            'phone',
            'DUPLICATE_ID',
            '同一社区的手机号在表格中出现了两次',
            'This phone appears twice for the community',
          ),
        )
        continue
      }
      seen.add(key)
      // A registration verified by hand is listed as verified without a roster row: as exported, it changes nothing.
      if (same && (current.onRoster || current.status === 'verified')) {
        unchanged += 1
        continue
      }
      written.push(fields)
      if (!current?.onRoster) created += 1
      verified += current?.pending ?? 0
    }
    return {
      errors,
      created,
      updated: written.length - created,
      unchanged,
      verified,
      write: async (trx, actor, at) => {
        await loadRoster(trx, actor, written, at)
      },
    }
  },
}

const readOnly = (row: number) =>
  rowError(
    row,
    'status',
    'READ_ONLY',
    '待审核或未通过的报到只读，不能在表格中修改；要按名册核实，请清空该行的 status',
    'Pending and rejected registrations are read-only here; to verify one by the roster, blank its status',
  )
