import { Coalescer } from '../src/coalescing';

/** A run that ends when told, counting how many were started. */
function runs() {
  const started: { finish: (value: string) => void }[] = [];
  const execute = (label: string) => () =>
    new Promise<string>((resolve) => {
      const number = started.length + 1;
      started.push({ finish: () => resolve(`${label} #${number}`) });
    });
  return { started, execute };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalescing identical reads', () => {
  it('shares one run among the requests that arrive before it starts, and never joins a run already on its way', async () => {
    const coalescer = new Coalescer<string>();
    const { started, execute } = runs();
    const first = coalescer.run('dashboard', execute('a'));
    // These arrive while the first runs: they must not get its answer (it may predate a write they saw commit).
    const second = coalescer.run('dashboard', execute('b'));
    const third = coalescer.run('dashboard', execute('c'));
    expect(started).toHaveLength(1);
    started[0].finish('');
    expect(await first).toBe('a #1');
    await tick();
    // One run for both waiters, started after the first ended, with the first waiter's request.
    expect(started).toHaveLength(2);
    started[1].finish('');
    expect([await second, await third]).toEqual(['b #2', 'b #2']);
    expect(coalescer.size).toBe(0);
  });

  it('runs different keys side by side and starts afresh once a key is idle', async () => {
    const coalescer = new Coalescer<string>();
    const { started, execute } = runs();
    const one = coalescer.run('one', execute('one'));
    const other = coalescer.run('other', execute('other'));
    expect(started).toHaveLength(2);
    started.forEach((run) => run.finish(''));
    expect([await one, await other]).toEqual(['one #1', 'other #2']);
    const again = coalescer.run('one', execute('again'));
    expect(started).toHaveLength(3);
    started[2].finish('');
    expect(await again).toBe('again #3');
  });

  it('lets the waiters run anew when the run they queued behind fails', async () => {
    const coalescer = new Coalescer<string>();
    let calls = 0;
    const failing = coalescer.run('k', () => Promise.reject(new Error(`failed ${++calls}`)));
    const waiting = coalescer.run('k', async () => `answered ${++calls}`);
    await expect(failing).rejects.toThrow('failed 1');
    expect(await waiting).toBe('answered 2');
  });
});
