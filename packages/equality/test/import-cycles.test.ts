import fs from 'node:fs';
import path from 'node:path';

/**
 * No module of packages/equality needs, while it loads, a module that needs it back: such a cycle hands one of them a
 * half-loaded module (its exports undefined until the other has loaded), which works or fails by the order of imports.
 * Checked on the compiled code, where imports used only as types are gone and what is left is what Node loads.
 */
const DIST = path.resolve(__dirname, '../dist');

/** Every compiled module under `dir`, with the package's own modules it requires when it loads. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const file = path.join(at, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) {
        const source = fs.readFileSync(file, 'utf8');
        const required = [...source.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map(([, name]) => {
          const target = path.resolve(path.dirname(file), name);
          return fs.existsSync(`${target}.js`) ? `${target}.js` : path.join(target, 'index.js');
        });
        graph.set(file, required);
      }
    }
  };
  walk(dir);
  return graph;
}

/** The cycles of a graph, each once, as the modules on it (relative to DIST). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next)).map((file) => path.relative(DIST, file));
        cycles.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

describe('packages/equality', () => {
  it('loads without import cycles', () => {
    const graph = importGraph(DIST);
    expect(graph.size).toBeGreaterThan(20);
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('finds a cycle where there is one (the check itself)', () => {
    const graph = new Map([
      ['/a.js', ['/b.js']],
      ['/b.js', ['/c.js']],
      ['/c.js', ['/a.js']],
      ['/d.js', ['/a.js']],
    ]);
    expect(cyclesOf(graph)).toHaveLength(1);
  });
});
