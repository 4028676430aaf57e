import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getDocumentsOfKind } from '../../data/documents.ts';
import { documentFeed } from '../../data/feed.ts';
import { DOCUMENT_KINDS } from '../../lib/kinds.ts';
import { kindLabels } from '../../translations/zh-CN.ts';

export const getStaticPaths = (() => DOCUMENT_KINDS.map((kind) => ({ params: { kind }, props: { kind } }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { kind } }) =>
  documentFeed(kindLabels[kind], await getDocumentsOfKind(kind));
