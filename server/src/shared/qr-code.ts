import { encode } from 'uqr'

/** White around a code, in modules: what scanners expect to find the code's edges. The drawing adds it. */
export const QUIET_ZONE = 4

/** A QR code of `text` as rows of modules (true = dark), medium error correction, without the quiet zone. */
export const qrModules = (text: string): boolean[][] => encode(text, { ecc: 'M', border: 0 }).data
