/**
 * Related documents: others that share topics or keywords, strongest first.
 * Uses an inverted index so the cost grows with shared labels, not with n².
 */

export interface Labelled {
  key: string;
  date: string;
  topics: readonly string[];
  keywords: readonly string[];
}

const TOPIC_WEIGHT = 2;
const KEYWORD_WEIGHT = 1;

export function buildRelatedIndex<T extends Labelled>(docs: readonly T[]) {
  const byLabel = new Map<string, T[]>();
  const add = (label: string, doc: T) => {
    const list = byLabel.get(label);
    if (list) list.push(doc);
    else byLabel.set(label, [doc]);
  };
  for (const doc of docs) {
    for (const topic of new Set(doc.topics)) add(`t:${topic}`, doc);
    for (const keyword of new Set(doc.keywords)) add(`k:${keyword}`, doc);
  }

  /** Up to `limit` documents related to `doc`: higher score, then newer, then key. */
  return function relatedTo(doc: T, limit = 5): T[] {
    const scores = new Map<T, number>();
    const score = (label: string, weight: number) => {
      for (const other of byLabel.get(label) ?? []) {
        if (other.key !== doc.key) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    for (const topic of new Set(doc.topics)) score(`t:${topic}`, TOPIC_WEIGHT);
    for (const keyword of new Set(doc.keywords)) score(`k:${keyword}`, KEYWORD_WEIGHT);
    return [...scores.entries()]
      .sort(([a, sa], [b, sb]) => sb - sa || b.date.localeCompare(a.date) || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map(([other]) => other);
  };
}
