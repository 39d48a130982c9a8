/** Types for dynalite 4 (ships none): an in-memory or LevelDB-backed DynamoDB API server. Project-wide ambient. */
declare module 'dynalite' {
  import type { Server } from 'node:net';

  interface DynaliteOptions {
    /** LevelDB directory; in memory when absent. */
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    ssl?: boolean;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export default dynalite;
}
