/** Column types every table uses, the same on SQLite and PostgreSQL. */
/** Booleans are stored as 0/1 integers so the same queries and bindings work on SQLite and PostgreSQL. */
export type Flag = 0 | 1
/** Timestamps are ISO-8601 UTC strings: they sort and compare the same way on both databases. */
export type IsoTime = string
