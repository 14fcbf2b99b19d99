// The 省市县 data, loaded on first use as its own chunk (about 27 kB gzipped).
import { useEffect, useState } from 'react';
import { buildRegionIndex, type RegionData, type RegionIndex } from '../../../shared/forms';

let loading: Promise<RegionIndex> | undefined;

export function loadRegions(): Promise<RegionIndex> {
  loading ??= import('../../../shared/forms/regions.json').then((m) => buildRegionIndex(m.default as RegionData));
  return loading;
}

/** The region lookup once loaded (undefined before), loaded only when `needed`. */
export function useRegions(needed: boolean): RegionIndex | undefined {
  const [index, setIndex] = useState<RegionIndex>();
  useEffect(() => {
    if (!needed) return;
    let live = true;
    void loadRegions().then((i) => live && setIndex(i));
    return () => {
      live = false;
    };
  }, [needed]);
  return index;
}
