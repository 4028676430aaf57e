/**
 * The web fonts the site ships, for readers whose machine has none of the
 * official faces (仿宋, 黑体, 楷体, 小标宋) nor any other Chinese font: every
 * font stack in src/styles/global.css names the local faces first and one of
 * these families last, before the generic family. A browser that finds a
 * local face never downloads them (tests/browser/web-fonts.test.ts).
 *
 * The sources are the open Noto SC fonts from npm, as TTF; the build subsets
 * and slices them (src/web-fonts/build.ts).
 */
import { ui } from '../translations/zh-CN.ts';

/**
 * The characters a face holds: all the site shows; or all but the text of
 * some elements inside a container; or only the text of some elements and
 * strings. Every face holds fewer characters than the site only where its
 * stack goes on to a face that holds them: a character a face lacks is
 * drawn by the next family of the stack, never as a box.
 */
export type FaceCharacters =
  | 'site'
  | { except: { container: string; elements: readonly string[] } }
  | { only: { elements: readonly string[]; strings: readonly string[] } };

export interface WebFontFace {
  /** Short name, used in file names: `serif` → `fonts/serif.118.<hash>.woff2`. */
  id: string;
  /** The CSS family name the font stacks use. */
  family: string;
  /** CSS font-weight of the @font-face. */
  weight: string;
  /** The TTF, as a package path. */
  source: string;
  characters: FaceCharacters;
}

export const WEB_FONT_FACES: readonly WebFontFace[] = [
  // Body text (仿宋 in print), the title (小标宋) and 楷体 headings: the only serif,
  // bold where the stylesheet asks for it by the browser's synthetic bold.
  {
    id: 'serif',
    family: 'Gazette Serif',
    weight: '400',
    source: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    characters: 'site',
  },
  // Everything around the text: navigation, metadata, listings, tables. The
  // paragraphs of documents are set in the serif, so a character only they
  // have is left out: a document page then downloads some 40% less of this
  // face. Where such a character is shown in sans after all (a search
  // excerpt), the stack goes on to Gazette Serif.
  {
    id: 'sans',
    family: 'Gazette Sans',
    weight: '400',
    source: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    characters: { except: { container: 'prose', elements: ['p'] } },
  },
  // 黑体: SimHei has one weight, heavier than a regular sans, and the stylesheet
  // sets 黑体 headings at font-weight normal; so this family is a bold sans at
  // every weight. It draws the official first-level headings (h2) and the site
  // name only: a page touching every common slice of a second sans for a few
  // headings would double its font bytes. Anything else set in 黑体 (search
  // results' titles) falls back to Gazette Sans, bold where it is bold.
  {
    id: 'hei',
    family: 'Gazette Hei',
    weight: '100 900',
    source: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    characters: { only: { elements: ['h2'], strings: [ui.siteName] } },
  },
];

/** The stylesheet every page links; rewritten by each build. */
export const WEB_FONT_STYLESHEET = 'fonts/web-fonts.css';

/** Folder of the font files in the output. */
export const WEB_FONT_DIR = 'fonts';
