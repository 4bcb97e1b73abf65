/* Put before Material's search worker (macros/engine/search_worker.py), which calls it for each run of Chinese in a query:
   the run is cut into the words the index has. The build cut every page's Chinese with jieba, the data's compounds
   kept whole (强化学习), so the index's words are jieba's: a run that is one of them, or the start of one, stays
   whole and finds it (强化学习, 强化学); any other run becomes the fewest words of the index that spell it, each
   required (对齐安全 → +对齐 +安全). Single characters between them (的, 与) are left out, so a page does not light
   up every 的; a part the index lacks stays in as an optional word, which the results name as missing.
   Material's own cut looked only at words shorter than the run and joined them with "* ": 强化学习 became
   "强化** 学*", which matched every word beginning with 学 and reported 强化 missing on every page. */

/** The index's words that hold Chinese, in order, once per index. */
const rrChineseWords = new WeakMap();

function rrSortedChinese(index) {
  let words = rrChineseWords.get(index);
  if (!words) {
    words = Object.keys(index).filter((word) => /\p{sc=Han}/u.test(word)).sort();
    rrChineseWords.set(index, words);
  }
  return words;
}

/** Whether some word of the sorted list begins with ``prefix``. */
function rrBeginsWord(prefix, words) {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low < words.length && words[low].startsWith(prefix);
}

/** A run of Chinese characters as query words (with spaces around), by the index's words (``index``: lunr's
    inverted index, a word → its postings). */
// eslint-disable-next-line no-unused-vars -- called by Material's worker, which follows this script
function rrSegmentQuery(run, index) {
  if (run in index || rrBeginsWord(run, rrSortedChinese(index))) return ` ${run} `;
  const chars = Array.from(run);
  /* best[end]: the cut of chars[0:end] with the fewest characters the index lacks, then the fewest pieces */
  const best = [{ missing: 0, pieces: 0, start: -1, known: true }];
  for (let end = 1; end <= chars.length; end++) {
    let choice = null;
    for (let start = 0; start < end; start++) {
      const known = chars.slice(start, end).join("") in index;
      if (!known && end - start > 1) continue; // a piece the index lacks is one character, joined up below
      const missing = best[start].missing + (known ? 0 : 1);
      const pieces = best[start].pieces + 1;
      if (!choice || missing < choice.missing || (missing === choice.missing && pieces < choice.pieces))
        choice = { missing, pieces, start, known };
    }
    best[end] = choice;
  }
  const pieces = [];
  for (let end = chars.length; end > 0; end = best[end].start) {
    const { start, known } = best[end];
    const text = chars.slice(start, end).join("");
    const last = pieces[0];
    if (!known && last && !last.known) last.text = text + last.text;
    else pieces.unshift({ text, known });
  }
  const words = pieces
    .filter((piece) => Array.from(piece.text).length > 1)
    .map((piece) => (piece.known ? `+${piece.text}` : `${piece.text}^1`));
  return words.length ? ` ${words.join(" ")} ` : ` ${run} `;
}
