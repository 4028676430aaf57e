/**
 * Browse facets with an index page and one page per value: 发布机构 and 主题分类.
 * Both route folders (`issuers/`, `topics/`) read their paths from here.
 */
import { groupDocuments, type SiteDocument } from './documents.ts';
import { ui } from '../translations/zh-CN.ts';

export const FACETS = {
  issuers: { title: ui.byIssuer, labelsOf: (doc: SiteDocument) => [doc.data.issuer] },
  topics: { title: ui.byTopic, labelsOf: (doc: SiteDocument) => doc.data.topics },
} as const;

export type FacetName = keyof typeof FACETS;

export function getFacetGroups(facet: FacetName) {
  return groupDocuments(FACETS[facet].labelsOf);
}

/** `getStaticPaths` result for a facet's value pages. */
export async function getFacetPaths(facet: FacetName) {
  return (await getFacetGroups(facet)).map((group) => ({
    params: { slug: group.slug },
    props: { facet, name: group.name, docs: group.docs },
  }));
}
