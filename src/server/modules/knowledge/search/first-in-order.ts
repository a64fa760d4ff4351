/**
 * The first `count` elements of `items` in `compare` order, without sorting them all: a page of 20
 * out of 20,000 matches is a linear pass with a short sorted buffer, not a full sort.
 */
export function firstInOrder<T>(items: ArrayLike<T>, count: number, compare: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  // For a large share of the items a plain sort is as fast and simpler.
  if (count * 8 >= items.length) return Array.from(items).sort(compare).slice(0, count);
  const best: T[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (best.length === count && compare(item, best[count - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, best[middle]) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
