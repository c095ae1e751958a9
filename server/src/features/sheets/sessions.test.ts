import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { CSV, XLSX, sheetsOf, workbookOf, xlsxOf } from '../../../../tests/support/sheets'

/** Before the sample's sessions (docs/samples/sessions.*, written 2026-12-02), so they stay in the window ahead. */
const NOW = new Date('2026-11-25T02:00:00Z')
const HEADER = 'id,guesthouseId,topicId,startsAt,endsAt,capacity,speaker,status'

describe.each(DB_KINDS)('session sheets on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  const sheets = sheetsOf(
    () => api,
    'sessions',
    () => tokens,
  )
  const sessions = () =>
    api.database.db
      .selectFrom('lecture_sessions')
      .select(['id', 'guesthouse_id', 'topic_id', 'starts_at', 'ends_at', 'capacity', 'speaker', 'status'])
      .orderBy('id')
      .execute()
  const noticesOf = (kind: string) =>
    api.database.db.selectFrom('outbox').select(['user_id', 'payload_json']).where('kind', '=', kind).execute()

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => NOW })
    tokens = await api.signInEach('shs-', [
      ['district', 'staff'],
      ['jiadi', 'staff', 'cm_jiadi'],
      ['resident', 'resident'],
    ])
  })
  afterAll(() => api.close())

  it('exports the schedule with times on the Beijing clock, and only the sessions of a staff user’s guesthouses', async () => {
    const [header, ...rows] = await sheets.csvLines()
    expect(header).toBe(HEADER)
    expect(rows.length).toBe(await api.countRows('lecture_sessions'))
    // The demo's first session: tomorrow evening in Chaozhou, 90 minutes, at 甲第巷.
    const history = rows.find((row) => row.startsWith('ls_demo_history,'))!.split(',')
    expect(history.slice(1, 6)).toEqual(['gh_jiadi', 'tp_history', '2026-11-26 19:30', '2026-11-26 21:00', '20'])
    const stored = (await sessions()).find((s) => s.id === 'ls_demo_history')!
    expect(stored.starts_at).toBe('2026-11-26T11:30:00.000Z')

    const own = (await sheets.csvLines('jiadi')).slice(1)
    expect(own.map((row) => row.split(',')[0]).sort()).toEqual(['ls_demo_history', 'ls_demo_past_1', 'ls_demo_past_5'])
    const workbook = await workbookOf((await sheets.download('xlsx')).rawPayload)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['场次 sessions', '说明 About'])
    expect(workbook.worksheets[1]!.getColumn(3).values).toContainEqual(expect.stringContaining('Beijing time'))
  })

  it.each([
    ['csv', CSV],
    ['xlsx', XLSX],
  ])(
    'previews the sample docs/samples/sessions.%s as three new sessions, without a single error',
    async (format, type) => {
      const sample = readFileSync(join(__dirname, `../../../../docs/samples/sessions.${format}`))
      const preview = await sheets.upload(sample, type, 'preview')
      expect(preview.json()).toMatchObject({ rows: 3, created: 3, updated: 0, errors: [] })
    },
  )

  it('changes nothing when an exported schedule comes back unchanged, past sessions included', async () => {
    const before = await sessions()
    const audit = await api.countRows('audit_log')
    await sheets.reapplyExports({ created: 0, updated: 0, unchanged: before.length, errors: [] })
    expect(await sessions()).toEqual(before)
    expect(await api.countRows('audit_log')).toBe(audit + 2)
  })

  it('schedules a new session and moves one, telling who ordered the topic and who booked, as the forms do', async () => {
    const { token: orderer } = await api.signIn('shs-orderer', 'resident', { nickname: 'orderer' })
    expect((await api.call('POST', '/api/lectures/topics/tp_tea/orders', orderer, {})).statusCode).toBe(200)
    const booker = tokens.resident!
    expect((await api.call('POST', '/api/lectures/sessions/ls_demo_history/bookings', booker)).statusCode).toBe(201)

    const [header, ...rows] = await sheets.csvLines('jiadi')
    const moved = rows.map((row) =>
      row.startsWith('ls_demo_history,') ? row.replace('2026-11-26 19:30', '2026-11-26 19:00') : row,
    )
    // The status column may be left out of a file typed by hand; speaker blank: nobody named yet.
    const added = ',gh_jiadi,tp_tea,2026-12-03 09:30,2026-12-03 11:00,25,'
    const file = [header, ...moved, added].join('\r\n')
    const before = await sessions()

    const preview = await sheets.upload(file, CSV, 'preview', 'jiadi')
    expect(preview.json()).toMatchObject({ mode: 'preview', created: 1, updated: 1, unchanged: 2, errors: [] })
    expect(await sessions()).toEqual(before)

    const applied = await sheets.upload(file, CSV, 'apply', 'jiadi')
    expect(applied.json()).toMatchObject({ mode: 'apply', created: 1, updated: 1, errors: [] })
    const after = await sessions()
    expect(after.find((s) => s.id === 'ls_demo_history')).toMatchObject({ starts_at: '2026-11-26T11:00:00.000Z' })
    const created = after.find((s) => !before.some((b) => b.id === s.id))!
    expect(created).toMatchObject({
      guesthouse_id: 'gh_jiadi',
      topic_id: 'tp_tea',
      starts_at: '2026-12-03T01:30:00.000Z',
      ends_at: '2026-12-03T03:00:00.000Z',
      capacity: 25,
      speaker: null,
      status: 'scheduled',
    })
    const scheduled = await noticesOf('topic_scheduled')
    expect(scheduled.filter((n) => JSON.parse(n.payload_json).sessionId === created.id)).toHaveLength(1)
    const changed = await noticesOf('session_changed')
    expect(changed.filter((n) => JSON.parse(n.payload_json).sessionId === 'ls_demo_history').length).toBeGreaterThan(0)
    const listed = (await api.call('GET', `/api/lectures/sessions/${created.id}`)).json().session
    expect(listed).toMatchObject({ capacity: 25, seatsLeft: 25, guesthouse: { id: 'gh_jiadi' } })
  })

  it('reads a date and time typed into Excel as the Beijing wall clock it shows', async () => {
    const workbook = await workbookOf((await sheets.download('xlsx', 'jiadi')).rawPayload)
    const data = workbook.worksheets[0]!
    // Excel keeps what a person types into a cell as a date with no zone; exceljs hands it over as that time in UTC.
    const row = data.addRow([
      '',
      'gh_jiadi',
      'tp_history',
      new Date('2026-12-04T19:30:00Z'),
      new Date('2026-12-04T21:00:00Z'),
      30,
    ])
    for (const column of [4, 5]) row.getCell(column).numFmt = 'yyyy-mm-dd hh:mm'
    const applied = await sheets.upload(await xlsxOf(workbook), XLSX, 'apply', 'jiadi')
    expect(applied.json()).toMatchObject({ created: 1, errors: [] })
    const stored = await api.database.db
      .selectFrom('lecture_sessions')
      .select(['starts_at', 'ends_at'])
      .where('capacity', '=', 30)
      .where('topic_id', '=', 'tp_history')
      .execute()
    expect(stored).toEqual([{ starts_at: '2026-12-04T11:30:00.000Z', ends_at: '2026-12-04T13:00:00.000Z' }])
  })

  it('refuses a row as the session form and its change would, naming the column; apply then writes nothing', async () => {
    const [header, ...rows] = await sheets.csvLines('jiadi')
    const edit = (id: string, column: number, value: string) => {
      const cells = rows.find((row) => row.startsWith(`${id},`))!.split(',')
      cells[column] = value
      return cells.join(',')
    }
    const file = [
      header,
      edit('ls_demo_history', 2, 'tp_tea'),
      edit('ls_demo_past_1', 5, '2'),
      ',gh_nosuch,tp_tea,2026-12-03 09:30,2026-12-03 11:00,25,,',
      ',gh_jiadi,tp_nosuch,2026-12-03 09:30,2026-12-03 11:00,25,,',
      ',gh_yixing,tp_tea,2026-12-03 09:30,2026-12-03 11:00,25,,',
      ',gh_jiadi,tp_tea,2028-12-03 09:30,2028-12-03 11:00,25,,',
      ',gh_jiadi,tp_tea,2026-12-03 09:30,2026-12-03 09:00,25,,',
      ',gh_jiadi,tp_tea,3 Dec 9:30,2026-12-03 11:00,0,,',
    ].join('\r\n')
    const before = await sessions()
    const preview = await sheets.upload(file, CSV, 'preview', 'jiadi')
    expect(preview.statusCode).toBe(200)
    expect(preview.json().errors).toEqual([
      expect.objectContaining({ row: 2, column: 'topicId', code: 'INVALID' }),
      expect.objectContaining({ row: 3, column: 'capacity', code: 'CAPACITY_BELOW_CONFIRMED' }),
      expect.objectContaining({ row: 4, column: 'guesthouseId', code: 'NOT_FOUND' }),
      expect.objectContaining({ row: 5, column: 'topicId', code: 'NOT_FOUND' }),
      expect.objectContaining({ row: 6, column: 'communityId', code: 'FORBIDDEN' }),
      expect.objectContaining({ row: 7, column: 'startsAt', message: '须在一天前至一年内' }),
      expect.objectContaining({ row: 7, column: 'endsAt', message: '须在一天前至一年内' }),
      expect.objectContaining({ row: 8, column: 'endsAt', messageEn: 'must be after startsAt' }),
      expect.objectContaining({ row: 9, column: 'startsAt', code: 'INVALID' }),
      expect.objectContaining({ row: 9, column: 'capacity', code: 'INVALID' }),
    ])
    const applied = await sheets.upload(file, CSV, 'apply', 'jiadi')
    expect(applied.statusCode).toBe(422)
    expect(applied.json().error).toMatchObject({ code: 'SHEET_HAS_ERRORS', rows: preview.json().errors })
    expect(await sessions()).toEqual(before)
  })

  it('refuses changing a cancelled session through the sheet', async () => {
    const cancel = await api.call('POST', '/api/lectures/sessions/ls_demo_tea/cancel', tokens.district, {})
    expect(cancel.statusCode).toBe(200)
    const [header, ...rows] = await sheets.csvLines()
    const row = rows.find((r) => r.startsWith('ls_demo_tea,'))!
    expect(row.endsWith(',cancelled')).toBe(true)
    const preview = await sheets.upload([header, row.replace(',12,', ',40,')].join('\r\n'), CSV, 'preview')
    expect(preview.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'status', code: 'CONFLICT' })])
  })
})
