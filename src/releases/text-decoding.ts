import type { ReleaseSource } from './release-source.ts';

/** Text of a release file: UTF-8 (the official files are ASCII or UTF-8), without a byte-order mark. */
export function decodeText(source: Pick<ReleaseSource, 'bytes'>): string {
  const text = Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength).toString(
    'utf8',
  );
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first few KB of a file as text, for recognition. */
export function headText(source: Pick<ReleaseSource, 'bytes'>, bytes = 4096): string {
  return Buffer.from(
    source.bytes.buffer,
    source.bytes.byteOffset,
    Math.min(bytes, source.bytes.byteLength),
  ).toString('utf8');
}
