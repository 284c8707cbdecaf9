import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request. A loader is created on first use and keyed by name,
 * so every resolver of the request that asks for the same kind of row shares one batch.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, string>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader(batch as DataLoader.BatchLoadFn<unknown, unknown>, options as DataLoader.Options<unknown, unknown, unknown>);
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** One value per request, loaded on first use and shared by every resolver that asks for it. */
  once<V>(name: string, load: () => Promise<V>): Promise<V> {
    return this.get<true, V>(name, async (keys) => {
      const value = await load();
      return keys.map(() => value);
    }).load(true);
  }
}

/** Orders rows to match `keys`, as DataLoader requires; a missing key gets `fallback`. */
export function byKeys<K, V, F>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? fallback);
}

/** Groups rows by key, keeping their order within each group. */
export function groupRows<K, V>(rows: readonly V[], keyOf: (row: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Groups rows under `keys`, in key order, for one-to-many loaders. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = groupRows(rows, keyOf);
  return keys.map((key) => groups.get(key) ?? []);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID; ids that are not cannot match a row and must not reach a uuid column. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
