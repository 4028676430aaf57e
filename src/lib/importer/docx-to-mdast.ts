/**
 * A Word document as Markdown blocks. mammoth turns the .docx into clean
 * HTML (headings from Word's heading styles, tables, footnotes);
 * hast-util-to-mdast turns that into mdast. Footnotes need help: mammoth
 * writes them as a numbered list at the end with links back and forth,
 * which become Markdown footnote references and definitions here.
 */
import { toMdast, type Handle } from 'hast-util-to-mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import mammoth from 'mammoth';
import { htmlToHast } from 'satteri';

export interface DocxContent {
  root: Root;
  /** The paragraph styled as Word's "Title", if any. */
  styledTitle: string | undefined;
  /** mammoth's notes on what it could not convert. */
  warnings: string[];
}

const TITLE_CLASS = 'gazette-title';
const FOOTNOTE_REF_TAG = 'gazette-footnote-ref';
// mammoth's ids: `footnote-1`/`endnote-1` for notes, `footnote-ref-1` for the references' back links.
const NOTE_ID = /^(foot|end)note-(\d+)$/;
const NOTE_LINK = /^#((?:foot|end)note-\d+)$/;

/** `footnote-1` → `1`, `endnote-1` → `e1`: short labels in the Markdown, `[^1]`. */
function noteLabel(id: string): string {
  const [, kind, number] = NOTE_ID.exec(id)!;
  return kind === 'end' ? `e${number}` : number!;
}

function isElement(node: HastContent | ElementContent | undefined): node is Element {
  return node?.type === 'element';
}

function hrefOf(node: Element): string {
  return typeof node.properties?.href === 'string' ? node.properties.href : '';
}

function textOf(node: HastContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  return isElement(node) ? node.children.map(textOf).join('') : '';
}

/** `<sup><a href="#footnote-1">[1]</a></sup>` → a marker element the mdast handler below turns into a reference. */
function markFootnoteReferences(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (!isElement(node)) return node;
    const link = node.tagName === 'sup' && node.children.length === 1 ? node.children[0] : undefined;
    const target = isElement(link) && link.tagName === 'a' ? NOTE_LINK.exec(hrefOf(link)) : null;
    if (target) return { type: 'element', tagName: FOOTNOTE_REF_TAG, properties: { id: noteLabel(target[1]!) }, children: [] };
    return { ...node, children: markFootnoteReferences(node.children) };
  });
}

/** Drops the `↑` link back to the reference from a note's text. */
function withoutBackLinks(nodes: ElementContent[]): ElementContent[] {
  return nodes
    .filter((node) => !(isElement(node) && node.tagName === 'a' && hrefOf(node).startsWith('#') && /ref/.test(hrefOf(node))))
    .map((node) => (isElement(node) ? { ...node, children: withoutBackLinks(node.children) } : node));
}

/**
 * Word marks a table's header row only when it repeats across pages; in
 * official tables the first row is the header anyway. Its cells become
 * `th` so the Markdown table's header is that row, not an empty one.
 */
function firstRowAsHeader(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    if (!isElement(node)) return node;
    if (node.tagName !== 'table') return { ...node, children: firstRowAsHeader(node.children) };
    const rows = node.children
      .filter(isElement)
      .flatMap((child) => (child.tagName === 'tbody' ? child.children.filter(isElement) : [child]));
    if (rows.some((row) => row.tagName === 'thead') || rows[0]?.tagName !== 'tr') return node;
    const [first, ...rest] = rows;
    const header = {
      ...first!,
      children: first!.children.map((cell) => (isElement(cell) && cell.tagName === 'td' ? { ...cell, tagName: 'th' } : cell)),
    };
    return { ...node, children: [header, ...rest] };
  });
}

const footnoteReference: Handle = (_state, node) => ({
  type: 'footnoteReference',
  identifier: String((node as Element).properties.id),
  label: String((node as Element).properties.id),
});

function convert(children: ElementContent[]): RootContent[] {
  const hast: HastRoot = { type: 'root', children };
  return (toMdast(hast, { handlers: { [FOOTNOTE_REF_TAG]: footnoteReference } }) as Root).children;
}

export async function docxToMdast(bytes: Uint8Array): Promise<DocxContent> {
  const { value: html, messages } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap: [`p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`] },
  );
  const tree = htmlToHast(html, { fragment: true }) as HastRoot;
  let styledTitle: string | undefined;
  const body: ElementContent[] = [];
  const definitions: FootnoteDefinition[] = [];
  for (const node of tree.children) {
    if (!isElement(node)) {
      if (node.type === 'text') body.push(node);
      continue;
    }
    const classes = node.properties?.className;
    if (node.tagName === 'h1' && Array.isArray(classes) && classes.includes(TITLE_CLASS) && styledTitle === undefined) {
      styledTitle = textOf(node).trim();
      continue;
    }
    const notes = node.tagName === 'ol' ? node.children.filter(isElement).filter((li) => NOTE_ID.test(String(li.properties?.id))) : [];
    if (notes.length > 0 && notes.length === node.children.filter(isElement).length) {
      for (const note of notes) {
        const content = convert(markFootnoteReferences(withoutBackLinks(note.children)));
        definitions.push({
          type: 'footnoteDefinition',
          identifier: noteLabel(String(note.properties.id)),
          label: noteLabel(String(note.properties.id)),
          children: content.filter((block) => toString(block).trim() !== '') as FootnoteDefinition['children'],
        });
      }
      continue;
    }
    body.push(...firstRowAsHeader(markFootnoteReferences([node])));
  }
  return {
    root: { type: 'root', children: [...convert(body), ...definitions] },
    styledTitle,
    warnings: messages.map((message) => message.message),
  };
}
