/**
 * The font files the site uses, from npm (`@expo-google-fonts/…/X.ttf`):
 * where they are, and one opened for glyph lookups. The web fonts
 * (build.ts, dev.ts) and the charts' font (src/charts/font.ts) read them
 * through here.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font } from 'fontkitten';

// Resolved from the project root rather than this module: the built chunk
// that runs this code lives in the output folder, far from node_modules.
const requireFromRoot = createRequire(path.join(process.cwd(), 'package.json'));

/** The path of a file of an installed package (`@expo-google-fonts/…/X.ttf`, a JSON data file). */
export function packageFilePath(specifier: string): string {
  return requireFromRoot.resolve(specifier);
}

/** The font in `data`, read from `source`; an error if the file is a collection rather than one font. */
export function openFont(source: string, data: Buffer): Font {
  const font = create(data);
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${source} is a font collection, expected a single font`);
  return font;
}
