import Taro from '@tarojs/taro'
import { pageUrl } from '@values/pages'

/** What a desk's sign-in code encodes, as the API writes it in `qrText` (POST /api/auth/desk). */
const DESK_CODE = /^oldtown-desk:([A-Za-z0-9_-]{16,64})$/

/** The ticket a scanned text names, when it is a desk's sign-in code. */
export const deskTicketIn = (scanned: string): string | null => DESK_CODE.exec(scanned.trim())?.[1] ?? null

/** A desk code goes to the confirm screen: scanning alone never approves anything. */
export const confirmDeskLogin = (ticket: string) => void Taro.navigateTo({ url: pageUrl('me/desk-login', { ticket }) })
