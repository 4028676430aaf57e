/**
 * Related documents: others that share topics or keywords, strongest first.
 *
 * Broad topics are shared by a tenth of an archive, so a document meets
 * thousands of candidates and this runs once per page: the work per page
 * grows with the archive, and the whole build's with its square. So it is
 * kept to two sequential passes over the document's posting lists (typed
 * arrays of positions): the first adds up the scores, the second reads and
 * clears each score once, keeping only the best `limit`. No candidate list,
 * no sort, no document object read but the winners' (bench/README.md: all
 * pages of 50,000 documents in 7 s instead of 75 s).
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
  const rankByKey = new Map(ordered.map((doc, rank) => [doc.key, rank]));
  const growing = new Map<string, number[]>();
  ordered.forEach((doc, rank) => {
    for (const label of labelsOf(doc)) {
      const list = growing.get(label);
      if (list) list.push(rank);
      else growing.set(label, [rank]);
    }
  });
  const postings = new Map([...growing].map(([label, ranks]) => [label, Int32Array.from(ranks)]));
  const scores = new Int32Array(ordered.length);

  /** Up to `limit` documents related to `doc`: higher score, then newer, then key. */
  return function relatedTo(doc: T, limit = 5): T[] {
    const lists: { ranks: Int32Array; weight: number }[] = [];
    for (const label of labelsOf(doc)) {
      const ranks = postings.get(label);
      if (ranks) lists.push({ ranks, weight: label.startsWith('t:') ? TOPIC_WEIGHT : KEYWORD_WEIGHT });
    }
    for (const { ranks, weight } of lists) {
      for (let i = 0; i < ranks.length; i++) scores[ranks[i]!]! += weight;
    }
    // The best so far, strongest first; ties go to the lower rank.
    const own = rankByKey.get(doc.key) ?? -1;
    const bestRanks: number[] = [];
    const bestScores: number[] = [];
    for (const { ranks } of lists) {
      for (let i = 0; i < ranks.length; i++) {
        const rank = ranks[i]!;
        const score = scores[rank]!;
        // Zero: already read from an earlier list (each document is weighed once).
        if (score === 0) continue;
        scores[rank] = 0;
        if (rank === own) continue;
        let at = bestRanks.length;
        while (at > 0 && (score > bestScores[at - 1]! || (score === bestScores[at - 1] && rank < bestRanks[at - 1]!))) at--;
        if (at >= limit) continue;
        bestRanks.splice(at, 0, rank);
        bestScores.splice(at, 0, score);
        if (bestRanks.length > limit) {
          bestRanks.pop();
          bestScores.pop();
        }
      }
    }
    return bestRanks.map((rank) => ordered[rank]!);
  };
}

/** A document's distinct labels, topics and keywords apart (a word may be both). */
function labelsOf(doc: Labelled): Set<string> {
  return new Set([...doc.topics.map((topic) => `t:${topic}`), ...doc.keywords.map((keyword) => `k:${keyword}`)]);
}
