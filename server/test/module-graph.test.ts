import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/platform/paths.ts';
import { sourceFiles } from './boundaries/sql-tables.ts';

/**
 * Which module may call which (ARCHITECTURE.md, Module graph): the imports of
 * each module's code (tests apart) name exactly the modules its row lists, so
 * the graph in the document stays the graph in the code.
 */

const modulesDir = projectPath('server', 'src', 'modules');

function documentedGraph(): Map<string, Set<string>> {
  const doc = fs.readFileSync(projectPath('ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('Module graph'), doc.indexOf('`demo` may call every module'));
  const graph = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const m = /^\| `([a-z]+)` \|(.*)\|$/.exec(line);
    if (m) graph.set(m[1]!, new Set([...m[2]!.matchAll(/`([a-z]+)`/g)].map((x) => x[1]!)));
  }
  return graph;
}

/** module → the other modules its non-test code imports. */
function graphInCode(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(modulesDir)) {
    if (path.basename(file) === 'testing.ts') continue;
    const from = path.relative(modulesDir, file).split(path.sep)[0]!;
    const calls = graph.get(from) ?? new Set<string>();
    graph.set(from, calls);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*'(\.[^']*)'/g)) {
      const target = path.relative(modulesDir, path.resolve(path.dirname(file), m[1]!)).split(path.sep);
      if (target[0] !== '..' && target[0] !== from && target.length > 1) calls.add(target[0]!);
    }
  }
  return graph;
}

describe('module graph', () => {
  it('matches the graph in ARCHITECTURE.md: no module calls one its row does not list, and every listed call is made', () => {
    const documented = documentedGraph();
    const code = graphInCode();
    code.delete('demo');
    const rows = (g: Map<string, Set<string>>) => Object.fromEntries([...g].map(([m, calls]) => [m, [...calls].sort()]).sort());
    expect(rows(code)).toEqual(rows(documented));
  });
});
