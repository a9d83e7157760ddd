// What the org module needs from the enterprise registry, handed in at start-up so that org
// never reads the enterprises table itself (ARCHITECTURE §1).
export type EnterpriseLookup = {
  count(zoneId: string, by: 'park_id' | 'building_id' | 'grid_unit_id', ids: string[]): Promise<Map<string, number>>;
  names(zoneId: string, ids: string[]): Promise<Map<string, string>>;
  refs(zoneId: string, ids: string[]): Promise<Map<string, { name: string; creditCode: string }>>;
  /** Enterprises whose name or credit code contains the text. */
  search(zoneId: string, q: string): Promise<string[]>;
  /** credit code → id, for imports that name enterprises by their code. */
  idsByCreditCode(zoneId: string, codes: string[]): Promise<Map<string, string>>;
};
