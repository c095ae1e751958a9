import { call } from '../../shared/client'

/** The registrations staff still have to verify, on the phone's page and the desk's table. */
export const memberQueue = () => call('GET /api/members', { query: { status: 'pending' }, toast: false })
