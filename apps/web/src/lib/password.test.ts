import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN } from '@shuangsheng/contracts';
import { isStrongPassword } from './password';

describe('isStrongPassword', () => {
  it('asks for PASSWORD_MIN characters with letters and digits', () => {
    expect(isStrongPassword('abc12345'.padEnd(PASSWORD_MIN, 'x'))).toBe(true);
    expect(isStrongPassword('abc1234')).toBe(false); // too short
    expect(isStrongPassword('abcdefghijkl')).toBe(false); // no digit
    expect(isStrongPassword('123456789012')).toBe(false); // no letter
  });
});
