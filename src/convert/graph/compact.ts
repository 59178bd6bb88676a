/**
 * A copy of `o` without the keys whose value is undefined, so "absent" stays absent and
 * deepStrictEqual / JSON comparisons see one shape for one meaning.
 */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
