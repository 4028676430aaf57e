/**
 * Front-matter values an official document states in its own layout
 * (GB/T 9704): the 发文字号 and title at the top, the 落款 (issuing body)
 * and 成文日期 at the end. Lines used here are taken out of the body, since
 * the page shows them in its header and metadata block.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isCalendarDate } from '../dates.ts';
import { detectOfficialHeading } from '../../official-headings/headings.ts';

export interface DocumentMetadata {
  title?: string;
  docNo?: string;
  date?: string;
  issuer?: string;
}

/** `深光综〔2020〕12号`, also with [] ［］ 【】 brackets around the year. */
const DOC_NO = /^\S{1,30}[〔[［【]\d{4}[〕\]］】]\d{1,4}号$/;
const CHINESE_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMBER = `(\\d{1,4}|[${Object.keys(CHINESE_DIGITS).join('')}十]{1,4})`;
/** `2020年12月31日` or `二〇二〇年十二月三十一日`, alone on its line, perhaps in brackets. */
const DATE_LINE = new RegExp(`^[（(]?${NUMBER}\\s*年\\s*${NUMBER}\\s*月\\s*${NUMBER}\\s*日[）)]?$`);
/** Sentence punctuation: a line with it is prose, not a title or a 落款. */
const PROSE = /[。，,；;：:！!？?]/;
const SHORT_LINE = 40;
/** How far from the top and the end of the document to look. */
const HEAD_BLOCKS = 4;
const TAIL_BLOCKS = 3;

/** `二〇二〇` → 2020 (digit by digit); `三十一` → 31, `十二` → 12 (counted). */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!text.includes('十')) return Number([...text].map((char) => CHINESE_DIGITS[char]).join(''));
  const [tens, ones] = text.split('十');
  const digit = (part: string | undefined) => (part ? (CHINESE_DIGITS[part] ?? 0) : 0);
  return (tens ? digit(tens) : 1) * 10 + digit(ones);
}

/** A date line as `YYYY-MM-DD`, or undefined. */
export function parseDateLine(line: string): string | undefined {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(chineseNumber) as [number, number, number];
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

function lineText(node: RootContent | undefined): string | undefined {
  return node && (node.type === 'paragraph' || node.type === 'heading') ? toString(node).trim() : undefined;
}

/** Short, no sentence punctuation, not numbered: a title or a 落款. */
function isLabelLine(text: string | undefined): text is string {
  return text !== undefined && text.length > 0 && text.length <= SHORT_LINE && !PROSE.test(text) && !detectOfficialHeading(text);
}

/**
 * Reads the metadata and removes the lines it came from. `styledTitle` is a
 * title the source marked as such (Word's Title style); it wins.
 */
export function extractMetadata(root: Root, styledTitle?: string): DocumentMetadata {
  const metadata: DocumentMetadata = {};
  const used = new Set<RootContent>();
  const head = root.children.slice(0, HEAD_BLOCKS);

  const docNoLine = head.find((node) => DOC_NO.test(lineText(node) ?? ''));
  if (docNoLine) {
    metadata.docNo = lineText(docNoLine);
    used.add(docNoLine);
  }
  if (styledTitle) metadata.title = styledTitle;
  else {
    const titleLine = head.find((node) => !used.has(node) && isLabelLine(lineText(node)) && !parseDateLine(lineText(node)!));
    // Only the first block (after a 文号) can be the title; a short line further down is a subheading.
    if (titleLine && root.children.filter((node) => !used.has(node))[0] === titleLine) {
      metadata.title = lineText(titleLine);
      used.add(titleLine);
    }
  }

  const tailStart = Math.max(0, root.children.length - TAIL_BLOCKS);
  for (let index = root.children.length - 1; index >= tailStart; index--) {
    const date = parseDateLine(lineText(root.children[index]) ?? '');
    if (!date || used.has(root.children[index]!)) continue;
    metadata.date = date;
    used.add(root.children[index]!);
    const signature = root.children[index - 1];
    if (signature && !used.has(signature) && isLabelLine(lineText(signature))) {
      metadata.issuer = lineText(signature);
      used.add(signature);
    }
    break;
  }
  root.children = root.children.filter((node) => !used.has(node));
  return metadata;
}
