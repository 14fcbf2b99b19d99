/**
 * 省市县 (GB/T 2260 administrative division codes). The data is a generated,
 * compact tree (regions.json, see scripts/build-regions.ts) that the browser
 * loads lazily and the server imports; this file only reads it.
 */

/** [code, name, children?]: province → city → county; municipalities have no city level. */
export type RegionNode = [code: string, name: string, children?: RegionNode[]];

export interface RegionData {
  /** Where the data came from (package and version). */
  source: string;
  tree: RegionNode[];
}

export interface RegionEntry {
  code: string;
  name: string;
  depth: 1 | 2 | 3;
  leaf: boolean;
  /** Codes from the province down to this one. */
  path: string[];
}

export interface RegionIndex {
  get(code: string): RegionEntry | undefined;
  /** "广东省 / 广州市 / 天河区" */
  label(code: string): string | undefined;
  tree: RegionNode[];
}

/** Builds the lookup from the compact tree. */
export function buildRegionIndex(data: RegionData): RegionIndex {
  const byCode = new Map<string, RegionEntry>();
  const walk = (nodes: RegionNode[], path: string[]) => {
    for (const [code, name, children] of nodes) {
      const here = [...path, code];
      byCode.set(code, { code, name, depth: here.length as 1 | 2 | 3, leaf: !children || children.length === 0, path: here });
      if (children) walk(children, here);
    }
  };
  walk(data.tree, []);
  return {
    tree: data.tree,
    get: (code) => byCode.get(code),
    label: (code) => byCode.get(code)?.path.map((c) => byCode.get(c)!.name).join(' / '),
  };
}

/**
 * Whether a code may be the answer at this level: a province; a city (or a
 * municipality's district, or a province without cities); or, for county
 * (the default), a leaf of the tree.
 */
export function regionFitsLevel(entry: RegionEntry, level: 'province' | 'city' | 'county'): boolean {
  if (level === 'province') return entry.depth === 1;
  if (level === 'city') return entry.depth === 2 || (entry.depth === 1 && entry.leaf);
  return entry.leaf;
}
