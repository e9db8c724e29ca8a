/**
 * A cache that keeps the `limit` entries used last. A page chooses the keys
 * (each widget's `locale`, an editor's table's locale), so a cache kept for
 * the page's life must not grow with every key it is ever given.
 */
export function boundedCache<V>(limit: number): (key: string, make: () => V) => V {
  // A Map iterates in insertion order: an entry used is put back at the end, so the first is the one used longest ago.
  const entries = new Map<string, V>();
  return (key, make) => {
    const value = entries.has(key) ? entries.get(key)! : make();
    entries.delete(key);
    entries.set(key, value);
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
    return value;
  };
}
