import { describe, expect, it } from 'vitest';
import { redactUrl } from './log.js';

describe('request log redaction', () => {
  it('replaces the values that may be personal data, keeps the rest of the URL', () => {
    expect(redactUrl('/api/checkpoints/passes?q=510302199001011234&status=valid&page=2')).toBe('/api/checkpoints/passes?q=***&status=valid&page=2');
    expect(redactUrl('/api/x?phone=13812345678&plate=%E5%B7%9DC12345&value=a&idNumber=1')).toBe('/api/x?phone=***&plate=***&value=***&idNumber=***');
    expect(redactUrl('/api/checkpoints/stats?from=2020-02-01&to=2020-02-14')).toBe('/api/checkpoints/stats?from=2020-02-01&to=2020-02-14');
    expect(redactUrl('/api/health')).toBe('/api/health');
    // A parameter given twice is redacted once, whole.
    expect(redactUrl('/api/x?q=1&q=2')).toBe('/api/x?q=***');
  });
});
