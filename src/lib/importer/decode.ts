/**
 * Plain-text files arrive in whatever encoding the sender's machine used:
 * UTF-8 with or without a BOM, GB18030/GBK from older Windows, UTF-16 from
 * Notepad's "Unicode". This finds out which, using chardet to detect and
 * iconv-lite to decode, and refuses bytes that are not text at all.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { importMessages } from './messages.ts';
import { ImportRefusal } from './refusal.ts';

export interface DecodedText {
  text: string;
  /** The encoding that was used, for the import summary. */
  encoding: string;
}

const BOMS: ReadonlyArray<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

// The encodings Chinese office files come in; GBK and GB2312 are subsets of GB18030.
const CHINESE_ENCODINGS: Record<string, string> = {
  GB18030: 'gb18030',
  GBK: 'gb18030',
  GB2312: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'UTF-8': 'utf-8',
};

/** chardet's confidence (0–100) from which its guess beats the GB18030 default. */
const SURE = 50;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: chardet does not detect it, but the zero high bytes
 * of ASCII digits and punctuation give it away, all on one side.
 */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const zeros = even + odd;
  if (zeros < bytes.length / 50 || bytes.length % 2 !== 0) return undefined;
  if (odd > zeros * 0.9) return 'utf-16le';
  if (even > zeros * 0.9) return 'utf-16be';
  return undefined;
}

/** Text, not binary: no replacement characters and (almost) no control characters. */
export function looksLikeText(text: string): boolean {
  if (text.includes('\uFFFD')) return false;
  // Control characters are exactly what this counts.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls <= text.length / 1000;
}

function detectEncoding(bytes: Uint8Array): string | undefined {
  const bom = BOMS.find(({ bytes: prefix }) => startsWith(bytes, prefix));
  if (bom) return bom.encoding;
  if (isUtf8(bytes)) return 'utf-8';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  const matches = chardet.analyse(bytes);
  const candidates = (sure: boolean) =>
    matches
      .filter((match) => match.confidence >= SURE === sure)
      .map((match) => CHINESE_ENCODINGS[match.name])
      .filter((name): name is string => name !== undefined);
  // Short texts leave chardet unsure; then GB18030, what this office's legacy files use, comes first.
  for (const encoding of [...candidates(true), 'gb18030', ...candidates(false)]) {
    if (looksLikeText(iconv.decode(Buffer.from(bytes), encoding))) return encoding;
  }
  return undefined;
}

/** Decodes `bytes`, or refuses them as unreadable. `file` names the input in the message. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const encoding = detectEncoding(bytes);
  // iconv-lite strips the BOM of the encoding it decodes.
  const text = encoding === undefined ? '' : iconv.decode(Buffer.from(bytes), encoding);
  if (encoding === undefined || !looksLikeText(text)) throw new ImportRefusal(importMessages.unreadable(file));
  return { text, encoding };
}
