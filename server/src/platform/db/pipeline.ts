import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import pg from 'pg';
import type { Tx } from './pool.ts';

/**
 * Several statements with parameters in one message, each prepared once per
 * connection. The workflow engine's commands are the user: their statements
 * come in few shapes (lock and read a task; write a step's rows, one shape
 * per kind of step), so PostgreSQL parses and plans each shape once per
 * connection instead of once per step — planning was a third of a step's
 * PostgreSQL time — while a command still costs two round trips: every
 * Parse, Bind and Execute goes out in one write, with one Sync at the end.
 * Run in order in the session's transaction; after a failing statement
 * PostgreSQL skips the rest up to the Sync.
 */
export interface Statement {
  text: string;
  values: readonly unknown[];
}

export const BEGIN: Statement = { text: 'BEGIN', values: [] };
export const COMMIT: Statement = { text: 'COMMIT', values: [] };

/** node-pg's wire connection, the part of it this file drives (pg's own Query drives it the same way). */
interface Wire {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(msg: { name: string; text: string; types: readonly number[] }): void;
  bind(msg: { portal: string; statement: string; values: readonly unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string }): void;
  close(msg: { type: 'S'; name: string }): void;
  sync(): void;
}

/** The parts of pg's Query a subclass hooks into (not in its published types). */
interface QueryInternals {
  submit: (connection: Wire) => Error | null;
  handleError(err: Error, connection: Wire): void;
  handleReadyForQuery(connection: Wire): void;
  _canceledDueToError: unknown;
}

// pg maps parameter values (dates, arrays, objects) to the wire's text the same way for every query.
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

/** Statements prepared per connection at most; a shape beyond that (or a very long one) is parsed unnamed each time. */
const MAX_PREPARED = 300;
const MAX_PREPARED_TEXT = 16_384;

/**
 * Names a failed message may or may not have prepared (PostgreSQL skips what
 * follows an error): the next use closes the name first, which is no error
 * when it does not exist, and prepares it again.
 */
const inDoubt = new WeakMap<Wire, Set<string>>();

const nameOf = (text: string): string => `tb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

class PipelineQuery extends pg.Query {
  /** The statements, for counting in tests and benchmarks. */
  readonly statements: readonly Statement[];

  constructor(statements: readonly Statement[], callback: (err: Error | undefined, result: pg.QueryResult | pg.QueryResult[]) => void) {
    super({ text: statements.map((s) => s.text).join(';\n') }, callback as never);
    this.statements = statements;
    const self = this as unknown as QueryInternals;
    // Names this message prepares, with their text.
    const fresh = new Map<string, string>();
    let wire: Wire | null = null;
    self.submit = (connection) => {
      wire = connection;
      // Counted only when a new shape comes: most messages prepare nothing.
      let known: number | undefined;
      const names = statements.map((s) => {
        if (s.text.length > MAX_PREPARED_TEXT) return '';
        const name = nameOf(s.text);
        if (connection.parsedStatements[name] !== undefined || fresh.has(name)) return name;
        known ??= Object.keys(connection.parsedStatements).length;
        if (known + fresh.size >= MAX_PREPARED) return '';
        fresh.set(name, s.text);
        return name;
      });
      const doubt = inDoubt.get(connection);
      connection.stream.cork?.();
      try {
        // Named statements are parsed first, so an error in any execution leaves no parse undone.
        for (const [name, text] of fresh) {
          if (doubt?.has(name)) connection.close({ type: 'S', name });
          connection.parse({ name, text, types: [] });
        }
        statements.forEach((s, i) => {
          const name = names[i]!;
          if (name === '') connection.parse({ name: '', text: s.text, types: [] });
          connection.bind({ portal: '', statement: name, values: s.values, valueMapper: prepareValue });
          connection.describe({ type: 'P', name: '' });
          connection.execute({ portal: '' });
        });
        connection.sync();
      } finally {
        connection.stream.uncork?.();
      }
      return null;
    };
    const handleError = self.handleError.bind(this);
    self.handleError = (err, connection) => {
      const at = wire ?? connection;
      let doubt = inDoubt.get(at);
      if (!doubt) inDoubt.set(at, (doubt = new Set()));
      for (const name of fresh.keys()) doubt.add(name);
      handleError(err, connection);
    };
    const handleReadyForQuery = self.handleReadyForQuery.bind(this);
    self.handleReadyForQuery = (connection) => {
      if (!self._canceledDueToError && wire) {
        for (const [name, text] of fresh) {
          wire.parsedStatements[name] = text;
          inDoubt.get(wire)?.delete(name);
        }
      }
      handleReadyForQuery(connection);
    };
  }
}

/** Runs the statements as one message; one result per statement, in order. */
export function pipeline(tx: Tx, statements: readonly Statement[]): Promise<pg.QueryResult[]> {
  return new Promise((resolve, reject) => {
    const query = new PipelineQuery(statements, (err, result) => {
      if (err) reject(err);
      else resolve(Array.isArray(result) ? result : [result]);
    });
    void tx.query(query as unknown as pg.QueryConfig);
  });
}
