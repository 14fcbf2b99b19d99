import type { Clock } from '../../../platform/clock.ts';
import type { Db, Tx } from '../../../platform/db/pool.ts';
import type { DueDateCalculator } from './due-dates.ts';
import type { GroupCommitOptions } from './group-commit.ts';
import type { HandlerRegistry } from './handlers.ts';

/**
 * What every engine command needs. `tx`, when given, makes the command run in
 * the caller's transaction (a case command that also moves its workflow);
 * otherwise the command opens its own on `db`.
 */
export interface EngineEnv {
  db: Db;
  tx?: Tx;
  clock: Clock;
  handlers?: HandlerRegistry;
  dueDates?: DueDateCalculator;
  /** Commands that queue up on `db` share transactions (group-commit.ts); off when absent. */
  groupCommit?: GroupCommitOptions;
}

/**
 * Who acts. The engine knows no organisation tables: the caller passes the
 * person's department and role codes, which candidate rules are matched
 * against. `id` should be the user's uuid (it goes into the event stream).
 */
export interface Actor {
  id: string;
  /** The account role recorded on events (e.g. 'approver'). */
  role?: string;
  departments?: readonly string[];
  roles?: readonly string[];
}

export type Variables = Record<string, unknown>;

export type InstanceStatus = 'running' | 'suspended' | 'completed' | 'terminated';
export type TaskStatus = 'open' | 'delegated' | 'completed' | 'returned' | 'cancelled';
export type TokenState = 'waiting' | 'joining' | 'scope' | 'multi';
export type Outcome = 'approve' | 'reject';
export type CandidateKind = 'department' | 'role' | 'user';

export interface InstanceRow {
  id: string;
  definition_id: string;
  root_id: string;
  parent_id: string | null;
  parent_token_id: string | null;
  business_key: string | null;
  case_id: string | null;
  status: InstanceStatus;
  variables: Variables;
  started_by: string | null;
  started_at: Date;
  ended_at: Date | null;
}

/** One signer of a multi-instance step (会签人). */
export interface Signer {
  index: number;
  kind: CandidateKind;
  value: string;
  state: 'pending' | Outcome | 'removed';
}

/** Bookkeeping of a multi-instance step, kept on its token. */
export interface MultiData {
  sequential: boolean;
  completion: 'all' | 'any' | 'ratio';
  ratio?: number;
  signers: Signer[];
}

export interface TokenRow {
  id: string;
  instance_id: string;
  node_id: string;
  scope_id: string | null;
  state: TokenState;
  via_flow: string | null;
  branch: string[];
  data: MultiData | null;
  rev: number;
  created_at: Date;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  root_id: string;
  token_id: string;
  node_id: string;
  name: string | null;
  status: TaskStatus;
  assignee: string | null;
  candidate_kind: CandidateKind | null;
  candidate_values: string[];
  claimed_by: string | null;
  owner: string | null;
  delegate: string | null;
  loop_index: number | null;
  outcome: Outcome | null;
  opinion: string | null;
  due_at: Date | null;
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
  last_urged_at: Date | null;
  rev: number;
  scope_token_id: string | null;
  branch: string[];
  effects: CompletionEffects | null;
}

/**
 * The undo record of one completion (撤回): what the run that followed it
 * created, consumed and cancelled. Withdraw checks that everything created is
 * untouched, then puts everything back.
 */
export interface CompletionEffects {
  /** The completion only cast a vote in a multi-instance step that kept running. */
  vote?: { tokenId: string };
  createdTokens: { id: string; rev: number }[];
  createdTasks: string[];
  consumedTokens: TokenRow[];
  cancelledTasks: string[];
  cancelledTimers: string[];
  /** Variable values before the run (absent key → the variable did not exist). */
  variablesBefore: Record<string, unknown>;
  /** Variables the run created; withdraw deletes them. */
  variablesAdded: string[];
  /** Why the run cannot be undone, when it cannot. */
  irreversible?: string;
}

/** A task a command opened: enough for the caller to route it. */
export interface OpenedTask {
  id: string;
  nodeId: string;
  assignee: string | null;
}
