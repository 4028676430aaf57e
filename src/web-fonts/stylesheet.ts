/**
 * The web fonts' stylesheet: one @font-face per file. It is a file of its
 * own (`fonts/web-fonts.css`), never inline: the CSP allows `style-src 'self'`.
 */

export interface FontFaceRule {
  family: string;
  /** A CSS font-weight: `400`, or a range `100 900`. */
  weight: string;
  /** Relative to the stylesheet. */
  url: string;
  format: 'woff2' | 'truetype';
  /** Absent: the whole font. */
  unicodeRange?: string;
}

function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

export function fontFaceCss(rule: FontFaceRule): string {
  const declarations = [
    `font-family:${cssString(rule.family)}`,
    'font-style:normal',
    `font-weight:${rule.weight}`,
    // Text shows at once in a fallback face and is redrawn when the slice arrives.
    'font-display:swap',
    `src:url(${cssString(rule.url)}) format(${cssString(rule.format)})`,
    ...(rule.unicodeRange ? [`unicode-range:${rule.unicodeRange}`] : []),
  ];
  return `@font-face{${declarations.join(';')}}`;
}

/** The whole stylesheet: a comment saying what it is, then one rule per line. */
export function webFontStylesheet(comment: string, rules: readonly FontFaceRule[]): string {
  return `/* ${comment.replaceAll('*/', '* /')} */\n${rules.map((rule) => `${fontFaceCss(rule)}\n`).join('')}`;
}
