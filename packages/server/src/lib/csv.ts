/** RFC 4180 CSV with spreadsheet formula injection neutralised (cells starting with = + - @ tab or CR). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value as string | number | boolean);
  if (/^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
