import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Kinds, Unnameable } from '../../src/core/kinds/registry';

/**
 * Issue 12's layering: a kind is one folder the generic engine takes as data. The generic core
 * never loads a kind; the modules derived from the registry (rule ids and messages, the report's
 * sections, the tabs, the pipeline) are the only ones that do; a kind loads none of those (that
 * would be a cycle), nor another kind's code. Runtime imports only: `import type` is erased.
 */
const CORE = join(__dirname, '..', '..', 'src', 'core');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
const rel = (f: string) => relative(CORE, f).replace(/\\/g, '/');

/** Runtime imports of a file, resolved to paths under src/core. */
function imports(file: string): string[] {
  const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of src.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)'/gm)) {
    if (m[1]) continue;
    const base = resolve(dirname(file), m[2]);
    const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (hit) out.push(rel(hit));
  }
  return out;
}

const ALL = files(CORE).filter((f) => /\.tsx?$/.test(f));
const GRAPH = new Map(ALL.map((f) => [rel(f), imports(f)]));
/** Built from the registry: they may load the kinds. */
const DERIVED = new Set(['kinds/registry.ts', 'rules/catalogue.ts', 'messages.ts', 'report.ts', 'summary/tabs.ts', 'pipeline.ts']);
const kindOf = (f: string) => /^kinds\/([^/]+)\//.exec(f)?.[1] ?? null;

describe('kinds as data', () => {
  it.each([...GRAPH.keys()].filter((f) => !kindOf(f) && !DERIVED.has(f)))('generic %s loads no kind', (f) => {
    // A kind's settings slice is declared in settings.ts from the kind's own zod schema (a leaf).
    const allowed = (to: string) => f === 'settings.ts' && /^kinds\/[^/]+\/types\.ts$/.test(to);
    expect(GRAPH.get(f)!.filter((to) => (kindOf(to) !== null || DERIVED.has(to)) && !allowed(to))).toEqual([]);
  });

  it.each([...GRAPH.keys()].filter((f) => kindOf(f)))('%s loads nothing derived from the registry, nor another kind’s code', (f) => {
    const own = kindOf(f);
    const foreign = GRAPH.get(f)!.filter((to) => DERIVED.has(to) || (kindOf(to) !== null && kindOf(to) !== own));
    expect(foreign).toEqual([]);
  });

  it('does not compile while a registered kind is missing from the kinds settings may name', () => {
    type WithAnother = readonly [...Kinds, { id: 'petition' }];
    const missing: Unnameable<WithAnother> = 'petition';
    // @ts-expect-error every registered kind is in KIND_IDS: nothing is missing
    const none: Unnameable<Kinds> = 'aid';
    expect([missing, none]).toEqual(['petition', 'aid']);
  });

  it('has no import cycle in src/core', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      state.set(f, 'open');
      for (const to of GRAPH.get(f) ?? []) {
        if (state.get(to) === 'open') cycles.push([...path, f, to].join(' → '));
        else if (!state.has(to)) visit(to, [...path, f]);
      }
      state.set(f, 'done');
    };
    for (const f of GRAPH.keys()) if (!state.has(f)) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
