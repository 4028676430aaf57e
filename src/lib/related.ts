/**
 * Related documents: others that share topics or keywords, strongest first.
 *
 * Broad topics are shared by a tenth of an archive, so a document meets
 * thousands of candidates and this runs once per page: scores go into a typed
 * array through an inverted index, and only the best `limit` are kept, with
 * no sort of all candidates. At 10,000 documents that is milliseconds per
 * page rather than a quadratic share of the build.
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
  // Position in the tie-break order (newer first, then key) stands for the document.
  const ordered = [...docs].sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key));
  const byLabel = new Map<string, number[]>();
  const post = (label: string, rank: number) => {
    const list = byLabel.get(label);
    if (list) list.push(rank);
    else byLabel.set(label, [rank]);
  };
  ordered.forEach((doc, rank) => {
    for (const topic of new Set(doc.topics)) post(`t:${topic}`, rank);
    for (const keyword of new Set(doc.keywords)) post(`k:${keyword}`, rank);
  });
  const scores = new Int32Array(ordered.length);
  const touched: number[] = [];

  /** Up to `limit` documents related to `doc`: higher score, then newer, then key. */
  return function relatedTo(doc: T, limit = 5): T[] {
    const add = (label: string, weight: number) => {
      for (const rank of byLabel.get(label) ?? []) {
        if (scores[rank] === 0) touched.push(rank);
        scores[rank]! += weight;
      }
    };
    for (const topic of new Set(doc.topics)) add(`t:${topic}`, TOPIC_WEIGHT);
    for (const keyword of new Set(doc.keywords)) add(`k:${keyword}`, KEYWORD_WEIGHT);
    // The best `limit` so far, strongest first; ties go to the lower rank.
    const best: number[] = [];
    const beats = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
    for (const rank of touched) {
      if (ordered[rank]!.key === doc.key) continue;
      if (best.length === limit && !beats(rank, best[limit - 1]!)) continue;
      let at = Math.min(best.length, limit - 1);
      while (at > 0 && beats(rank, best[at - 1]!)) at--;
      best.splice(at, 0, rank);
      if (best.length > limit) best.pop();
    }
    const related = limit > 0 ? best.map((rank) => ordered[rank]!) : [];
    for (const rank of touched) scores[rank] = 0;
    touched.length = 0;
    return related;
  };
}
