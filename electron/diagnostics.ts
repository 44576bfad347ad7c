import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { UpdateDecision } from './updates';

/**
 * Help → "Diagnose exporteren": one zip a user can send to support. It holds versions, the
 * platform, the update decision and the crash dumps Electron kept locally (crashReporter without
 * upload), never projects, scans, evidence or keys. Nothing is sent anywhere: the user saves the zip.
 */
export interface DiagnosticsInfo {
  productName: string;
  version: string;
  versions: { electron: string; chrome: string; node: string; v8?: string };
  os: { platform: string; arch: string; release: string };
  locale: string;
  isPackaged: boolean;
  updates: UpdateDecision;
  createdAt: string;
}

export interface CrashDump {
  name: string;
  modified: string;
  data: Uint8Array;
}

/** At most this many dumps, newest first, and at most this many bytes of them in all. */
export const DIAGNOSTIC_LIMITS = { dumps: 10, dumpBytes: 50 * 1024 * 1024 } as const;

export function diagnosticsFileName(createdAt: string): string {
  return `quickscan-diagnose-${createdAt.slice(0, 10)}.zip`;
}

export function buildDiagnosticsZip(info: DiagnosticsInfo, dumps: readonly CrashDump[]): Uint8Array {
  const kept: CrashDump[] = [];
  let bytes = 0;
  for (const dump of [...dumps].sort((a, b) => b.modified.localeCompare(a.modified))) {
    if (kept.length >= DIAGNOSTIC_LIMITS.dumps || bytes + dump.data.byteLength > DIAGNOSTIC_LIMITS.dumpBytes) break;
    kept.push(dump);
    bytes += dump.data.byteLength;
  }
  const summary = {
    ...info,
    crashDumps: kept.map((d) => ({ name: d.name, modified: d.modified, bytes: d.data.byteLength })),
    crashDumpsLeftOut: dumps.length - kept.length,
  };
  const files: Zippable = { 'diagnostics.json': strToU8(`${JSON.stringify(summary, null, 2)}\n`) };
  // Dump names come from Electron's crash folder; only the base name is used, and duplicates get a number.
  const used = new Set<string>();
  for (const dump of kept) {
    let name = path.basename(dump.name).replace(/[^A-Za-z0-9._-]/g, '_');
    for (let n = 2; used.has(name); n++) name = `${n}-${path.basename(dump.name)}`;
    used.add(name);
    files[`crash-dumps/${name}`] = [dump.data, { level: 6 }];
  }
  return zipSync(files, { mtime: new Date(info.createdAt) });
}

/** The crash dumps (*.dmp) under Electron's crashDumps folder, read once for the zip. */
export async function collectCrashDumps(folder: string): Promise<CrashDump[]> {
  const found: CrashDump[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) await walk(full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.dmp')) {
        const info = await stat(full);
        if (info.size > DIAGNOSTIC_LIMITS.dumpBytes) continue;
        found.push({ name: entry.name, modified: info.mtime.toISOString(), data: await readFile(full) });
      }
    }
  }
  await walk(folder, 0);
  return found;
}
