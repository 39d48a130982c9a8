import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from './process-alive.ts';

/** What a running server publishes in `<dataDir>/server.json` so CLI commands can reach it. */
export interface ServerInfo {
  readonly pid: number;
  readonly dynamoEndpoint: string;
  readonly smtp?: { readonly host: string; readonly port: number };
  readonly http?: { readonly host: string; readonly port: number };
  readonly startedAt: string;
}

/** The file's name inside the data directory. */
export const SERVER_INFO_FILE = 'server.json';

/** The running server's info, or undefined when none runs (no file, unreadable, or its pid is dead). */
export function readServerInfo(dataDir: string): ServerInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, SERVER_INFO_FILE), 'utf8')) as ServerInfo;
    if (typeof info.pid !== 'number' || typeof info.dynamoEndpoint !== 'string') return undefined;
    return isProcessAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** Publishes the info atomically (write then rename), so a reader never sees half a file. */
export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  const path = join(dataDir, SERVER_INFO_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(info, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Removes the file if it names this process. */
export function removeServerInfo(dataDir: string): void {
  const path = join(dataDir, SERVER_INFO_FILE);
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as ServerInfo;
    if (info.pid === process.pid) unlinkSync(path);
  } catch {
    // Nothing to remove.
  }
}
