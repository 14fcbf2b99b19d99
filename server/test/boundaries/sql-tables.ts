import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Table names a source file's SQL names. SQL lives in string and template
 * literals; a name counts where a statement reaches a table (FROM, JOIN, INTO,
 * UPDATE, TABLE, TRUNCATE, LOCK, REFERENCES) or where a literal starts with one
 * followed by an alias and a JOIN (`'cases c JOIN service_items i …'`, a FROM
 * clause kept in a constant). Only names in `known` are kept, so CTEs,
 * functions and column names never count.
 */
export function tablesInSource(text: string, known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const scan = (sql: string) => {
    for (const m of sql.matchAll(REACH)) keep(m[1]!);
    const lead = LEADING_FROM.exec(sql);
    if (lead) keep(lead[1]!);
  };
  const keep = (name: string) => {
    const n = name.toLowerCase();
    if (known.has(n)) found.add(n);
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) scan(node.text);
    else if (ts.isTemplateExpression(node)) {
      // Each piece between interpolations on its own: `FROM ${x} JOIN cases` must not glue names together.
      scan(node.head.text);
      for (const span of node.templateSpans) scan(span.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const NAME = '((?:[a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*)';
const REACH = new RegExp(`\\b(?:from|join|into|update|table|truncate|lock|references)\\s+(?:only\\s+|if\\s+(?:not\\s+)?exists\\s+)?${NAME}`, 'gi');
const LEADING_FROM = new RegExp(`^\\s*${NAME}\\s+[a-z]+\\s+(?:(?:left|right|inner|full|cross)\\s+(?:outer\\s+)?)?join\\b`, 'i');

/** Every table the migrations leave (created and not dropped later; schema-qualified where the migration qualifies it). Files run in name order. */
export function tablesInMigrations(dirs: string[]): Set<string> {
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of sql.matchAll(/\b(create|drop)\s+(?:unlogged\s+)?table\s+(?:if\s+(?:not\s+)?exists\s+)?((?:[a-z_]+\.)?[a-z_][a-z0-9_]*)/gi)) {
        if (m[1]!.toLowerCase() === 'create') names.add(m[2]!.toLowerCase());
        else names.delete(m[2]!.toLowerCase());
      }
    }
  }
  return names;
}

/** The non-test TypeScript files under `dir`, recursively. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}
