import { describe, expect, it } from 'vitest';
import { csvRow } from './csv';

describe('CSV', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvRow(['a,b', 'say "hi"', '=SUM(A1)', '+1', '-2', '@x', null, 3, { k: 1 }])).toBe('"a,b","say ""hi""",\'=SUM(A1),\'+1,\'-2,\'@x,,3,"{""k"":1}"\r\n');
  });
});
