/**
 * A cache of at most `limit` entries. A page chooses the keys (each widget's
 * `locale`, an editor's table's locale), so a cache kept for the page's life
 * must not grow with every key it is ever given. When full it starts again:
 * a page uses a few keys, and one that cycles through more only makes some
 * values again.
 */
export function boundedCache<V>(limit: number): (key: string, make: () => V) => V {
  const entries = new Map<string, V>();
  return (key, make) => {
    let value = entries.get(key);
    if (value === undefined) {
      if (entries.size >= limit) entries.clear();
      entries.set(key, (value = make()));
    }
    return value;
  };
}
