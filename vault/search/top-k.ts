/**
 * The `k` first items of `items` in the order `before` gives, without sorting them all: a bounded
 * heap holds the best k seen so far with the worst of them on top, so each further item costs one
 * comparison with that worst one (and a log k sift when it gets in). `before` must be a strict
 * total order (no two items equal), so the result is exactly what a full sort would put first.
 */
export function topK(items: ArrayLike<number>, k: number, before: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return [];
  // A max-heap by `before`: heap[0] is the item every other kept one comes before.
  const heap: number[] = [];
  const worse = (i: number, j: number) => before(heap[j] as number, heap[i] as number);
  const siftUp = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(at, parent)) break;
      [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
      at = parent;
    }
  };
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && worse(right, left) ? right : left;
      if (!worse(child, at)) break;
      [heap[at], heap[child]] = [heap[child] as number, heap[at] as number];
      at = child;
    }
  };
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as number;
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (before(item, heap[0] as number)) {
      heap[0] = item;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}
