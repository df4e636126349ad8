/** Tables of the embedded engine (filled in by the engine work). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EngineTables {}
