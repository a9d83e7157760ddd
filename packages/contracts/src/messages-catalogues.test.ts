// The module catalogues are merged into one: a key defined by two modules would silently change
// the other module's message (it happened: resumption's `itemId` renamed services' 事项 to 物资).
import { describe, expect, it } from 'vitest';
import { applicationEntities, applicationFields, applicationsEn, applicationsZh } from './messages-services.js';
import { extrasEn, extrasEntities, extrasFields, extrasZh } from './messages-services-extras.js';
import { resumptionEn, resumptionEntities, resumptionFields, resumptionZh } from './messages-resumption.js';
import { inspectionsEn, inspectionsEntities, inspectionsFields, inspectionsZh } from './messages-inspections.js';
import { checkpointsEn, checkpointsEntities, checkpointsFields, checkpointsZh } from './messages-checkpoints.js';
import { checkpoints1En, checkpoints1Entities, checkpoints1Fields, checkpoints1Zh } from './messages-checkpoints-1.js';
import { checkpoints2En, checkpoints2Entities, checkpoints2Fields, checkpoints2Zh } from './messages-checkpoints-2.js';
import { checkpoints3En, checkpoints3Entities, checkpoints3Fields, checkpoints3Zh } from './messages-checkpoints-3.js';

const clashes = (maps: Record<string, object>) => {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const [name, map] of Object.entries(maps))
    for (const key of Object.keys(map)) {
      const first = seen.get(key);
      if (first) out.push(`${key}: ${first} and ${name}`);
      else seen.set(key, name);
    }
  return out;
};

describe('module message catalogues', () => {
  it('never define the same message, field or entity key twice', () => {
    expect(clashes({ services: applicationsZh, extras: extrasZh, resumption: resumptionZh, inspections: inspectionsZh, checkpoints: checkpointsZh, checkpoints1: checkpoints1Zh, checkpoints2: checkpoints2Zh, checkpoints3: checkpoints3Zh })).toEqual([]);
    expect(clashes({ services: applicationFields, extras: extrasFields, resumption: resumptionFields, inspections: inspectionsFields, checkpoints: checkpointsFields, checkpoints1: checkpoints1Fields, checkpoints2: checkpoints2Fields, checkpoints3: checkpoints3Fields })).toEqual([]);
    expect(clashes({ services: applicationEntities, extras: extrasEntities, resumption: resumptionEntities, inspections: inspectionsEntities, checkpoints: checkpointsEntities, checkpoints1: checkpoints1Entities, checkpoints2: checkpoints2Entities, checkpoints3: checkpoints3Entities })).toEqual([]);
  });

  it('have every message in both languages', () => {
    for (const [zh, en] of [
      [applicationsZh, applicationsEn],
      [extrasZh, extrasEn],
      [resumptionZh, resumptionEn],
      [inspectionsZh, inspectionsEn],
      [checkpointsZh, checkpointsEn],
      [checkpoints1Zh, checkpoints1En],
      [checkpoints2Zh, checkpoints2En],
      [checkpoints3Zh, checkpoints3En],
    ] as const)
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
});
