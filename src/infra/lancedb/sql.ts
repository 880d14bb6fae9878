/**
 * The one place where values from input become LanceDB (DataFusion SQL) filter literals.
 * Every filter built from a document id, a source path or a language goes through here.
 */
export function sqlString(value: string): string {
  if (value.includes('\0')) throw new Error('NUL byte in a filter value');
  return `'${value.replace(/'/g, "''")}'`;
}

export function sqlIn(values: readonly string[]): string {
  if (!values.length) return '(NULL)';
  return `(${values.map(sqlString).join(', ')})`;
}
