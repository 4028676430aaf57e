import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, type Labelled } from '../../src/lib/related.ts';
import { createRandom } from '../../bench/corpus/generate.ts';

/** The definition, written the slow and obvious way: score every other document, sort them all. */
function relatedByDefinition(docs: readonly Labelled[], doc: Labelled, limit: number): string[] {
  const shared = (a: readonly string[], b: readonly string[]) => new Set(a.filter((label) => b.includes(label))).size;
  return docs
    .filter((other) => other.key !== doc.key)
    .map((other) => ({ other, score: 2 * shared(doc.topics, other.topics) + shared(doc.keywords, other.keywords) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || b.other.date.localeCompare(a.other.date) || a.other.key.localeCompare(b.other.key))
    .slice(0, limit)
    .map(({ other }) => other.key);
}

describe('related documents on a larger archive', () => {
  const random = createRandom('related');
  const labels = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const topics = labels('topic', 8);
  const keywords = labels('keyword', 40);
  const docs: Labelled[] = Array.from({ length: 400 }, (_, i) => ({
    key: `doc-${i}`,
    // Few distinct dates, so that ties on score and date are common.
    date: `20${10 + random.int(0, 3)}-01-0${random.int(1, 3)}`,
    topics: random.sample(topics, random.int(0, 3)),
    keywords: random.sample(keywords, random.int(0, 4)),
  }));

  it('gives exactly the documents and order of the definition, for any limit', () => {
    const related = buildRelatedIndex(docs);
    for (const doc of docs) {
      for (const limit of [1, 5, 12]) {
        expect(related(doc, limit).map((d) => d.key)).toEqual(relatedByDefinition(docs, doc, limit));
      }
    }
  });

  it('works for a document that is not in the index', () => {
    const related = buildRelatedIndex(docs);
    const outsider = { key: 'new', date: '2020-01-01', topics: [topics[0]!], keywords: [keywords[0]!] };
    expect(related(outsider).map((d) => d.key)).toEqual(relatedByDefinition(docs, outsider, 5));
  });
});
