/** The four kinds of document; each is a content collection and a URL prefix. */
export const DOCUMENT_KINDS = ['bulletins', 'reports', 'summaries', 'reforms'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}
