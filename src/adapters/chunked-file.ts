// Reading and writing large run files in bounded memory: a 6 h job at 10 Hz has ~60 MB of samples.
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

// Below V8's large-object size (~128 KB), so each chunk's text dies young instead of piling up in
// large-object space until a full GC (4 MB chunks took a 6 h × 10 Hz report from ~60 MB to ~190 MB RSS).
const CHUNK_BYTES = 64 * 1024;

/** Calls `onLine` for every line of the file (without its newline), reading 64 KB at a time. */
export function forEachLine(path: string, onLine: (line: string) => void): void {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK_BYTES);
    const decoder = new StringDecoder('utf8');
    let carry = '';
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK_BYTES, null);
      if (n === 0) break;
      const text = carry + decoder.write(buf.subarray(0, n));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        onLine(text.slice(start, nl));
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    carry += decoder.end();
    if (carry) onLine(carry);
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` (or the last `bytes` with fromEnd) of a file as text; '' when it cannot be read. */
export function readSlice(path: string, bytes: number, fromEnd = false): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const len = Math.min(bytes, size);
    const buf = Buffer.alloc(len);
    readSync(fd, buf, 0, len, fromEnd ? size - len : 0);
    return buf.toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Appends strings to a file through 64 KB writes (short-lived, so the rows die young) instead of one joined string. */
export class ChunkedWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= CHUNK_BYTES) this.flush();
  }

  private flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
