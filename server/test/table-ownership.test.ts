import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../src/platform/paths.ts';
import { sourceFiles, tablesInMigrations, tablesInSource } from './boundaries/sql-tables.ts';

/**
 * Each module's SQL names only its own tables (ARCHITECTURE.md, Module
 * boundaries). The owners come from the map in ARCHITECTURE.md; a file that
 * still reaches another owner's table is listed here with the reason.
 */

interface Crossing {
  /** The tables of other owners this file's SQL names. */
  tables: string[];
  reason: string;
}

/** Reasons shared by several files. */
const DEMO = "the demo loader writes the first-start center's reference rows (center, departments, windows, accounts, items) in bulk and reads back what it made; its sample cases go through the modules' commands";

/** file (under server/src) → the crossing it makes, and why it is still there. Only ever shrinks. */
const CROSSINGS: Record<string, Crossing> = {
  // On purpose: the platform's hooks, the demo loader, the list read-models that page by keyset in one statement, and the process-end sweep.
  'platform/events/stream.ts': {
    tables: ['applicants', 'cases', 'departments', 'users'],
    reason: "the event insert itself looks up the names a contract version promises (who acted, the step's and the case's department), so writers stay unchanged and the chain hashes what is stored (ARCHITECTURE.md, Supervision platform)",
  },
  'platform/http/auth.ts': {
    tables: ['roles', 'sessions', 'user_roles', 'users'],
    reason: "the session hook authenticates every request before any module's route runs (with the role the session acts in); iam creates, lists and ends the rows",
  },
  'modules/supervision/event-list.ts': {
    tables: ['events'],
    reason: "the event stream page reads the chained stream itself (the platform's table, by seq); supervision reads nothing else of the approval side",
  },
  'modules/demo/seed.ts': { tables: ['centers', 'departments', 'item_materials', 'service_items', 'users', 'window_items', 'windows'], reason: DEMO },
  'modules/demo/catalogue.ts': { tables: ['departments', 'item_categories', 'item_materials', 'service_items'], reason: DEMO },
  'modules/demo/cases.ts': { tables: ['cases'], reason: DEMO },
  'modules/demo/office.ts': { tables: ['cases', 'item_materials', 'service_items', 'users', 'wf_instances', 'wf_tasks'], reason: DEMO },
  'modules/cases/case-list.ts': {
    tables: ['departments', 'service_items', 'wf_instances', 'wf_tasks'],
    reason: "the case lists page by keyset over the cases indexes (migration 0065) and filter and sort by item and department name and by the department holding an open step, in one statement: a page at 1M cases is one index walk; names looked up after the page could not be sorted or filtered on",
  },
  'modules/cases/copy-list.ts': {
    tables: ['service_items', 'users', 'wf_copies', 'wf_instances', 'wf_tasks'],
    reason: "a person's copies (抄送) page by keyset, unread first, over the engine's wf_copies with the case's item, the step and the sender's name in one statement, so a page is one index walk however many copies there are; a case page's copies are the same rows, of one process tree",
  },
  'modules/cases/task-list.ts': {
    tables: ['service_items', 'wf_instances', 'wf_tasks'],
    reason: "the to-do list pages by keyset over the engine's open steps offered to the person (one walk per offer, migration 0066) joined with their cases and items in one statement, filtered by case number, applicant and date: a page at 1M cases is a few index walks",
  },
  'modules/portal/demo.ts': { tables: ['users'], reason: "the demo articles are signed by the first administrator; runs only with the demo center" },
  'modules/cases/process-end.ts': {
    tables: ['wf_instances'],
    reason: "the sweep's question, which accepted cases' processes have completed, is the meeting of two large sets (every accepted case, every completed process) with a small answer; one join walks the accepted cases once per tick, where asking workflow would carry every accepted case's process id across each tick. What the process ended with comes from workflow/index.ts (processOutcome)",
  },
};

function ownershipMap(): Map<string, string> {
  const doc = fs.readFileSync(projectPath('ARCHITECTURE.md'), 'utf8');
  const section = doc.slice(doc.indexOf('Table ownership'), doc.indexOf('`demo` owns no table'));
  const owners = new Map<string, string>();
  for (const line of section.split('\n')) {
    const m = /^\| ([a-z]+) \| (.+) \|$/.exec(line);
    if (!m || m[1] === 'owner') continue;
    for (const t of m[2]!.matchAll(/`([a-z_.]+)`/g)) {
      if (owners.has(t[1]!)) throw new Error(`ARCHITECTURE.md gives ${t[1]} two owners`);
      owners.set(t[1]!, m[1]!);
    }
  }
  return owners;
}

/** `cases` for modules/cases/…, `platform` for platform/…, `root` for the composition root and the CLI. */
function ownerOfFile(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'modules') return parts[1]!;
  return parts[0] === 'platform' ? 'platform' : 'root';
}

const srcDir = projectPath('server', 'src');
const owners = ownershipMap();
const known = tablesInMigrations([projectPath('server', 'migrations'), projectPath('server', 'migrations-supervision')]);

/** Every file's tables of other owners, as the code stands. */
function crossingsInCode(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const rel = path.relative(srcDir, file).split(path.sep).join('/');
    const self = ownerOfFile(rel);
    const foreign = [...tablesInSource(fs.readFileSync(file, 'utf8'), known)].filter((t) => owners.get(t) !== self).sort();
    if (foreign.length) found.set(rel, foreign);
  }
  return found;
}

describe('table ownership', () => {
  it('gives every table the migrations create exactly one owner, and no other', () => {
    expect([...known].filter((t) => !owners.has(t)).sort()).toEqual([]);
    expect([...owners.keys()].filter((t) => !known.has(t)).sort()).toEqual([]);
  });

  it('finds tables in SQL kept in string and template literals', () => {
    const names = new Set(['cases', 'service_items', 'departments', 'wf_tasks', 'supervision.sv_cases', 'users']);
    const src = [
      "const FROM = 'cases c JOIN service_items i ON i.id = c.item_id';",
      'q(`SELECT 1 FROM ${FROM} LEFT JOIN departments d ON true WHERE x IN (SELECT id FROM wf_tasks)`);',
      "q('INSERT INTO supervision.sv_cases (id) VALUES ($1)');",
      '// the users of this function read FROM users, but a comment is no SQL',
      "const label = 'cases';",
    ].join('\n');
    expect([...tablesInSource(src, names)].sort()).toEqual(['cases', 'departments', 'service_items', 'supervision.sv_cases', 'wf_tasks']);
  });

  it("keeps each module's SQL to its own tables, but for the listed crossings", () => {
    const found = crossingsInCode();
    const unlisted = [...found].filter(([file, tables]) => tables.some((t) => !CROSSINGS[file]?.tables.includes(t)))
      .map(([file, tables]) => `${file}: ${tables.filter((t) => !CROSSINGS[file]?.tables.includes(t)).join(', ')}`);
    expect(unlisted, 'SQL reaching another module\'s tables: go through that module\'s index.ts').toEqual([]);
    const gone = Object.entries(CROSSINGS).filter(([file, c]) => c.tables.some((t) => !found.get(file)?.includes(t)))
      .map(([file, c]) => `${file}: ${c.tables.filter((t) => !found.get(file)?.includes(t)).join(', ')}`);
    expect(gone, 'crossings listed but no longer in the code: remove them from CROSSINGS').toEqual([]);
  });
});
