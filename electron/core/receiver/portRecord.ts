/**
 * `receiver.port` in the data folder: where a running built-in receiver listens, written when it
 * starts and removed when it stops, so `doctor` and other processes on the folder can find it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../util/process';

export const RECEIVER_PORT_FILE = 'receiver.port';

type PortRecord = { port: number; host: string; pid: number; startedAt: string };

export function writePortRecord(dataDir: string, port: number, host: string): void {
  const record: PortRecord = { port, host, pid: process.pid, startedAt: new Date().toISOString() };
  writeFileSync(join(dataDir, RECEIVER_PORT_FILE), `${JSON.stringify(record)}\n`, { mode: 0o600 });
}

/** Removes this process's record only: another receiver on the same folder may have written the file since. */
export function removePortRecord(dataDir: string): void {
  if (readPortRecord(dataDir)?.pid === process.pid) rmSync(join(dataDir, RECEIVER_PORT_FILE), { force: true });
}

/** The running receiver's record; null when there is none, it cannot be read, or its process has ended. */
export function readPortRecord(dataDir: string): Pick<PortRecord, 'port' | 'pid'> | null {
  let record: { port?: unknown; pid?: unknown } | null;
  try {
    record = JSON.parse(readFileSync(join(dataDir, RECEIVER_PORT_FILE), 'utf8')) as typeof record;
  } catch {
    return null;
  }
  const port = Number(record?.port);
  const pid = record?.pid;
  if (!Number.isInteger(port) || port <= 0 || port >= 65_536 || typeof pid !== 'number' || !isAlive(pid)) return null;
  return { port, pid };
}
