/**
 * The characters a site shows, gathered from its built files, so that the
 * web fonts hold exactly those glyphs.
 *
 * Everything in a page counts, attributes and inline scripts included: a few
 * characters too many cost a few hundred bytes, one too few is a box on a
 * reader's screen. Stylesheets (generated `content:`) and scripts (the search
 * page's messages) count too. Control and format characters (line breaks,
 * zero-width spaces) and variation selectors need no glyph; spaces do, for
 * their width (the ideographic space U+3000 is as wide as a hanzi).
 */
import { decodeHTML } from 'entities';

/** Entity and character references, which are not the characters they stand for. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi;

/** A set of code points as a bitmap: a large site's text is hundreds of megabytes. */
export class CharacterSet {
  readonly #bits = new Uint8Array(0x110000);

  /** Adds every character of `text` as it stands. */
  addText(text: string): void {
    const bits = this.#bits;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          bits[0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)] = 1;
          i++;
          continue;
        }
      }
      bits[unit] = 1;
    }
  }

  /** Adds the characters of an HTML file, with its entity references decoded. */
  addHtml(html: string): void {
    this.addText(html);
    for (const [reference] of html.matchAll(REFERENCE)) this.addText(decodeHTML(reference));
  }

  /** Adds the text inside the page's `elements` (`['h2']`), tags left out, references decoded. */
  addElementText(html: string, elements: readonly string[]): void {
    for (const name of elements) {
      for (const [, inner] of html.matchAll(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'gi'))) {
        this.addText(decodeHTML(inner!.replace(/<[^>]*>/g, '')));
      }
    }
  }

  /**
   * Adds the characters of an HTML file (as `addHtml`) except the text of
   * `elements` inside an element of class `container`: `('prose', ['p'])`
   * leaves out a document's paragraphs and keeps its tables and headings.
   */
  addHtmlExcept(html: string, container: string, elements: readonly string[]): void {
    this.addHtml(withoutElementsInside(html, container, elements));
  }

  has(codePoint: number): boolean {
    return this.#bits[codePoint] === 1;
  }

  /** The code points that need a glyph, in order. */
  codePoints(): number[] {
    const found: number[] = [];
    const bits = this.#bits;
    for (let codePoint = 0; codePoint < bits.length; codePoint++) {
      if (bits[codePoint] === 1 && needsGlyph(codePoint)) found.push(codePoint);
    }
    return found;
  }
}

/** `html` with the content of `elements` emptied inside each element of class `container`. */
export function withoutElementsInside(html: string, container: string, elements: readonly string[]): string {
  const opening = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\bclass="(?:[^"]*\\s)?${container}(?:\\s[^"]*)?"[^>]*>`, 'gi');
  const emptied = new RegExp(`(<(${elements.join('|')})\\b[^>]*>)[\\s\\S]*?(</\\2>)`, 'gi');
  let out = '';
  let from = 0;
  for (let match = opening.exec(html); match; match = opening.exec(html)) {
    const name = match[1]!.toLowerCase();
    const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
    tags.lastIndex = match.index + match[0].length;
    let depth = 1;
    let end = html.length;
    for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
      depth += tag[1] ? -1 : 1;
      if (depth === 0) {
        end = tag.index;
        break;
      }
    }
    out += html.slice(from, match.index) + html.slice(match.index, end).replace(emptied, '$1$3');
    from = end;
    opening.lastIndex = end;
  }
  return out + html.slice(from);
}

/** False for controls, format characters, surrogates, line separators, noncharacters and variation selectors. */
function needsGlyph(codePoint: number): boolean {
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Variation_Selector}]|\p{Noncharacter_Code_Point}/u.test(String.fromCodePoint(codePoint));
}
