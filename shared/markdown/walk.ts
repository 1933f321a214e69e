import type { Nodes, Parents } from 'mdast';

/** Returned by a `walk` visitor to skip the children of the node it was given. */
export const SKIP = Symbol('skip');

/**
 * Visits `tree` and its descendants depth-first in document order, giving each node with its
 * ancestors (nearest last). A tiny stand-in for unist-util-visit-parents, which is not one of
 * our dependencies.
 */
export function walk(tree: Nodes, visit: (node: Nodes, ancestors: readonly Parents[]) => typeof SKIP | void): void {
  const ancestors: Parents[] = [];
  const step = (node: Nodes): void => {
    if (visit(node, ancestors) === SKIP || !('children' in node)) return;
    ancestors.push(node);
    for (const child of node.children) step(child);
    ancestors.pop();
  };
  step(tree);
}
