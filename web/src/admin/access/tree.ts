// Walks of the resource tree the access pages share.
import type { ResourceNode } from './api';

/** The node of this id, anywhere below `root` (or root itself). */
export function findNode(root: ResourceNode | undefined, id: string | null): ResourceNode | null {
  if (!root || !id) return null;
  if (root.id === id) return root;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return null;
}

/** A node's name in the reader's language (the English name where there is one). */
export const nodeName = (n: Pick<ResourceNode, 'name' | 'nameEn'>, locale: string): string => (locale === 'en' && n.nameEn ? n.nameEn : n.name);
