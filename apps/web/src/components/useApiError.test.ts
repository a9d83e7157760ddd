import { describe, expect, it } from 'vitest';
import { fieldOf, pathToName } from './useApiError';

describe('mapping server issues to form fields', () => {
  it('turns API paths into antd name paths, through a field map', () => {
    expect(pathToName('name')).toEqual(['name']);
    expect(pathToName('roles.0')).toEqual(['roles', 0]);
    expect(pathToName('outputLastYearFen', { outputLastYearFen: 'outputLastYearWan' })).toEqual(['outputLastYearWan']);
  });

  it('reads the field a conflict or rule names', () => {
    expect(fieldOf({ field: 'username' })).toBe('username');
    expect(fieldOf([{ path: 'x', message: 'y' }])).toBeNull();
    expect(fieldOf(undefined)).toBeNull();
    expect(fieldOf({ field: 3 })).toBeNull();
  });
});
