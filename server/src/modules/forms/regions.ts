import regionsJson from '../../../../shared/forms/regions.json' with { type: 'json' };
import { buildRegionIndex, type RegionData, type RegionIndex } from '../../../../shared/forms/index.ts';

let index: RegionIndex | undefined;

/** The 省市县 lookup, built once on first use. */
export function regionIndex(): RegionIndex {
  index ??= buildRegionIndex(regionsJson as RegionData);
  return index;
}
