import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegionData, regionsFile, serialise } from '../../../../scripts/build-regions.ts';
import regionsJson from '../../../../shared/forms/regions.json' with { type: 'json' };
import { buildRegionIndex, regionFitsLevel, type RegionData } from '../../../../shared/forms/regions.ts';

const index = buildRegionIndex(regionsJson as RegionData);

describe('省市县 data (GB/T 2260)', () => {
  it('is in step with the pinned package (npx tsx scripts/build-regions.ts rewrites it)', () => {
    expect(fs.readFileSync(regionsFile, 'utf8')).toBe(serialise(buildRegionData()));
  });

  it('holds every province-level division and the counties below them', () => {
    expect(index.tree).toHaveLength(34);
    expect(index.label('440106')).toBe('广东省 / 广州市 / 天河区');
    expect(index.label('110105')).toBe('北京市 / 朝阳区');
    expect(index.get('110101')).toMatchObject({ depth: 2, leaf: true });
    // "市辖区" placeholders are not choices.
    expect(index.get('440101')).toBeUndefined();
  });

  it('fits a code to the asked level', () => {
    const at = (code: string) => index.get(code)!;
    expect(regionFitsLevel(at('440000'), 'province')).toBe(true);
    expect(regionFitsLevel(at('440100'), 'city')).toBe(true);
    expect(regionFitsLevel(at('440100'), 'county')).toBe(false);
    expect(regionFitsLevel(at('440106'), 'county')).toBe(true);
    expect(regionFitsLevel(at('110105'), 'city')).toBe(true);
    expect(regionFitsLevel(at('110105'), 'county')).toBe(true);
  });
});
