import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable, Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { ReadOptions } from './source-row.ts';

/** Whether `chunk` is UTF-8 so far (a character cut at the end of the chunk is not an error). */
function isUtf8Start(chunk: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * A transform to UTF-8 for text exports: UTF-8 (with or without BOM) passes through untouched;
 * anything else is read as GB18030, the superset of GBK and GB2312 that Chinese Excel writes its CSV
 * in. The encoding is decided on the first chunk holding a non-ASCII byte (all-ASCII chunks read the
 * same in both).
 */
export function toUtf8(): Transform {
  /** `undefined` while undecided, `null` for UTF-8. */
  let gb18030: TextDecoder | null | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (gb18030 === undefined && !isAscii(chunk)) {
        gb18030 = isUtf8Start(chunk) ? null : new TextDecoder('gb18030');
      }
      done(null, gb18030 ? Buffer.from(gb18030.decode(chunk, { stream: true })) : chunk);
    },
    flush(done) {
      const rest = gb18030?.decode() ?? '';
      done(null, rest === '' ? undefined : Buffer.from(rest));
    },
  });
}

/** A pass-through that reports the bytes that went through it so far. */
export function countBytes(onBytesRead?: (bytesRead: number) => void): Transform {
  let bytesRead = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      onBytesRead?.(bytesRead);
      done(null, chunk);
    },
  });
}

const ignore = () => {};

/**
 * The file's bytes, counted for progress. A read error (no such file) destroys the returned stream
 * with that error, so it surfaces where the stream is consumed; so does a failure further on.
 */
export function openFile(path: string, options: ReadOptions): Readable {
  return pipeline(createReadStream(path), countBytes(options.onBytesRead), ignore);
}

/**
 * The file's text as UTF-8 bytes (see `toUtf8`), counted for progress. Read in 16 KiB chunks: the
 * CSV parser turns a whole chunk into records at once, so smaller chunks keep fewer rows waiting.
 */
export function openText(path: string, options: ReadOptions): Readable {
  return pipeline(
    createReadStream(path, { highWaterMark: 16 * 1024 }),
    countBytes(options.onBytesRead),
    toUtf8(),
    ignore,
  );
}
