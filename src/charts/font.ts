/**
 * The one font charts are drawn with: Noto Sans SC from npm, so that every
 * machine draws the same glyphs. @napi-rs/canvas also loads the machine's own
 * fonts, so the font is registered under an alias no system font has and
 * Chart.js is told to use only that alias.
 */
import { readFileSync } from 'node:fs';
import { GlobalFonts } from '@napi-rs/canvas';
import type { Font } from 'fontkitten';
import { openFont, packageFilePath } from '../web-fonts/font-file.ts';

export const CHART_FONT_FAMILY = 'GazetteChartSans';
const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let font: Font | undefined;

/** Registers the chart font once per process and returns it for glyph lookups. */
export function chartFont(): Font {
  if (font) return font;
  const file = packageFilePath(FONT_FILE);
  const loaded = openFont(FONT_FILE, readFileSync(file));
  if (!GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY)) throw new Error(`could not register the chart font ${file}`);
  font = loaded;
  return font;
}

/** The characters of `text` the chart font cannot draw, each once. */
export function missingGlyphs(text: string): string[] {
  const chart = chartFont();
  return [...new Set(text)].filter((char) => !/\s/.test(char) && !chart.hasGlyphForCodePoint(char.codePointAt(0)!));
}
