// USER_HZ and the page size of this machine, from the ELF auxiliary vector the kernel gave this process.
import { readFileSync } from 'node:fs';

/**
 * AT_CLKTCK (17) and AT_PAGESZ (6) from an ELF auxiliary vector (/proc/self/auxv): the values
 * sysconf(_SC_CLK_TCK) and sysconf(_SC_PAGESIZE) return, without starting `getconf`.
 */
export function parseAuxv(buf: Buffer, wordBytes: 4 | 8): { clkTck?: number; pageBytes?: number } {
  const out: { clkTck?: number; pageBytes?: number } = {};
  const word = (at: number): number => (wordBytes === 8 ? Number(buf.readBigUInt64LE(at)) : buf.readUInt32LE(at));
  for (let at = 0; at + 2 * wordBytes <= buf.length; at += 2 * wordBytes) {
    const type = word(at);
    if (type === 0) break;
    if (type === 17) out.clkTck = word(at + wordBytes);
    if (type === 6) out.pageBytes = word(at + wordBytes);
  }
  return out;
}

/** USER_HZ and the page size of this machine (100 and 4096 almost everywhere), read once. */
export function systemConstants(procRoot = '/proc'): { clkTck: number; pageBytes: number } {
  let found: { clkTck?: number; pageBytes?: number } = {};
  try {
    const wordBytes = process.arch === 'arm' || process.arch === 'ia32' ? 4 : 8;
    if (!(process.arch === 'x64' || process.arch === 'arm64' || wordBytes === 4) || process.platform !== 'linux') throw new Error('unknown layout');
    found = parseAuxv(readFileSync(`${procRoot}/self/auxv`), wordBytes);
  } catch {
    /* fall back below */
  }
  const ok = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0 && n < 1 << 30;
  return { clkTck: ok(found.clkTck) ? found.clkTck : 100, pageBytes: ok(found.pageBytes) ? found.pageBytes : 4096 };
}
