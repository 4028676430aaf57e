/**
 * An error while an MDX body renders (an `<Indicator>` naming an indicator
 * that does not exist, a chart title the chart font cannot draw) reaches the
 * editor as the document's file and the line of the component, in Chinese
 * and English, without a stack trace.
 *
 * The MDX compile (src/markdown/mdx-guard.ts) gives each component of a body
 * the line it is written on, as the prop `SOURCE_LINE_PROP`; the components
 * in src/user-components/ throw `mdxRenderError(sourceLocation(…), error)`
 * for anything that fails while they render.
 */
import { AstroError } from 'astro/errors';
import { checkMessages } from './content-check/messages.ts';

/** The prop the MDX compile adds to every component; editors cannot write it (it is not a documented attribute). */
export const SOURCE_LINE_PROP = 'gazetteSourceLine';

/** `file:line` of a component, from its document's file and the prop the MDX compile gave it. */
export function sourceLocation(file: string, props: object): string {
  const line = (props as Record<string, unknown>)[SOURCE_LINE_PROP];
  return typeof line === 'string' && line !== '' ? `${file}:${line}` : file;
}

/**
 * The error to throw for `error`, raised by a component written at `where`
 * (`file:line`). It has no stack, so Astro prints no stack trace after it.
 */
export function mdxRenderError(where: string, error: unknown): Error {
  // The site's own content errors start with the place already (`file:line: …`).
  const detail = (error instanceof Error ? error.message : String(error)).replace(`${where}: `, '');
  const rendered = new AstroError(checkMessages.mdxRenderFailed(where, detail));
  rendered.name = 'ContentError';
  rendered.stack = '';
  return rendered;
}
