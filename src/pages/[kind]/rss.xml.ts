import type { APIContext, GetStaticPaths } from 'astro';
import { getDocumentsOfKind } from '../../data/documents.ts';
import { documentFeed } from '../../data/feed.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../lib/kinds.ts';
import { kindLabels } from '../../translations/zh-CN.ts';

export const getStaticPaths = (() => DOCUMENT_KINDS.map((kind) => ({ params: { kind } }))) satisfies GetStaticPaths;

export async function GET({ params }: APIContext) {
  const kind = params.kind as DocumentKind;
  return documentFeed(kindLabels[kind], await getDocumentsOfKind(kind));
}
