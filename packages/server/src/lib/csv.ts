/** RFC 4180 CSV with spreadsheet formula injection neutralised (cells starting with = + - @ tab or CR). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let s: string;
  if (value instanceof Date) {
    s = value.toISOString();
  } else if (typeof value === 'string') {
    s = value;
  } else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    s = value.toString();
  } else if (typeof value === 'object') {
    s = JSON.stringify(value);
  } else {
    s = '';
  }
  if (/^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
