/**
 * The executable process model: what the engine runs, built from BPMN XML by
 * parseBpmn. Plain JSON (no classes, no cycles, ids instead of references),
 * so a published definition version can be stored once as JSONB and shared by
 * every instance that runs on it.
 *
 * A model whose validation has no error-severity finding contains no node of
 * type 'unsupported', no flow with a missing end, and only parsable
 * expressions and timers; the engine may rely on that.
 */

/** Who handles a user task (办理人规则). */
export type AssigneeKind = 'department' | 'role' | 'user' | 'applicantDepartment' | 'expression';

export interface AssigneeRule {
  kind: AssigneeKind;
  /**
   * department / role / user: one or more codes, comma-separated in the XML,
   * split here; expression: one expression source, giving a string or a list
   * of strings (`department:CODE`, `role:CODE`, `user:ID` or a bare user id);
   * applicantDepartment: empty (the engine reads the case variable).
   */
  values: string[];
}

/** What a handler may do with one form field at this step. */
export type FieldAccess = 'editable' | 'readonly' | 'hidden';

/** When a multi-instance step is done: 会签 all, 或签 any one, 比例 a ratio approved. */
export type CompletionMode = 'all' | 'any' | 'ratio';

export interface MultiInstance {
  sequential: boolean;
  completion: CompletionMode;
  /** Share of instances that must approve, in (0, 1]; only for completion 'ratio'. */
  ratio?: number;
  /** Expression giving the number of instances (bpmn:loopCardinality); absent → one per resolved assignee. */
  cardinality?: string;
}

export type TimeoutActionKind = 'remind' | 'autoApprove' | 'autoReject' | 'escalate';

export interface TimeoutAction {
  kind: TimeoutActionKind;
  /** Role code that receives the task; only for 'escalate'. */
  escalateToRole?: string;
}

/** An ISO 8601 duration split into its fields, or a count of working days (P5WD). */
export type Duration =
  | { unit: 'calendar'; years: number; months: number; weeks: number; days: number; hours: number; minutes: number; seconds: number }
  | { unit: 'workingDays'; workingDays: number };

export type TimerDefinition =
  | { kind: 'duration'; source: string; duration: Duration }
  /** An absolute ISO 8601 date-time, kept as the normalised ISO string (UTC). */
  | { kind: 'date'; source: string; at: string }
  /** R[n]/duration: fire every `duration`, `repeat` times (absent → unbounded). */
  | { kind: 'cycle'; source: string; repeat?: number; duration: Duration };

/** A bpmn:Message: correlation is by `name` (falls back to id when the XML has none). */
export interface MessageRef {
  id: string;
  name: string;
}

/** A bpmn:Error: `code` is what a thrower and a catcher match on. */
export interface ErrorRef {
  id: string;
  name?: string;
  code?: string;
}

interface NodeBase {
  id: string;
  name?: string;
  /** The BPMN element type as written, e.g. 'bpmn:UserTask'. */
  bpmnType: string;
  /** Id of the embedded sub-process that contains this node; absent at process level. */
  parentId?: string;
  /** Sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** Boundary events attached to this node. */
  boundaryEventIds: string[];
}

export interface StartEventNode extends NodeBase {
  type: 'startEvent';
  trigger: 'none' | 'message';
  messageRef?: string;
}

export interface EndEventNode extends NodeBase {
  type: 'endEvent';
  result: 'none' | 'terminate' | 'error' | 'message';
  errorRef?: string;
  messageRef?: string;
}

export interface UserTaskNode extends NodeBase {
  type: 'userTask';
  assignee?: AssigneeRule;
  /** Time limit of this step in working days (tongban:limitDays). */
  limitDays?: number;
  /** Field key → access at this step; keys not listed keep the form's default. */
  formAccess: Record<string, FieldAccess>;
  multiInstance?: MultiInstance;
  timeoutAction?: TimeoutAction;
  /** Which of supervision's five stages (受理/承办/审核/批准/办结) this step is (tongban:stage); absent = judged by its name. */
  stage?: StepStage;
}

/** The five stages of supervision: 受理、承办、审核、批准、办结. */
export type StepStage = 'accept' | 'handle' | 'review' | 'approve' | 'conclude';
export const STEP_STAGES: readonly StepStage[] = ['accept', 'handle', 'review', 'approve', 'conclude'];

export interface ServiceTaskNode extends NodeBase {
  type: 'serviceTask';
  /** Name of a handler registered in code (tongban:handler). */
  handler?: string;
}

export interface ReceiveTaskNode extends NodeBase {
  type: 'receiveTask';
  messageRef?: string;
}

export interface MessageCatchNode extends NodeBase {
  type: 'intermediateMessageCatch';
  messageRef?: string;
}

export interface TimerCatchNode extends NodeBase {
  type: 'intermediateTimerCatch';
  timer?: TimerDefinition;
}

export interface GatewayNode extends NodeBase {
  type: 'exclusiveGateway' | 'inclusiveGateway' | 'parallelGateway';
  /** The flow taken when no condition holds (exclusive / inclusive only; never set on a parallel gateway). */
  defaultFlowId?: string;
}

export interface SubProcessNode extends NodeBase {
  type: 'subProcess';
  /** Nodes directly inside (not nested deeper), in document order. */
  childNodeIds: string[];
  /** None start events directly inside. */
  startNodeIds: string[];
}

export interface CallActivityNode extends NodeBase {
  type: 'callActivity';
  /** Process id (definition key) of the called process (bpmn:calledElement). */
  calledElement?: string;
}

export interface BoundaryEventNode extends NodeBase {
  type: 'boundaryEvent';
  attachedTo: string;
  /** true: interrupting (cancels the host activity); false: runs beside it. */
  cancelActivity: boolean;
  trigger: 'timer' | 'error';
  timer?: TimerDefinition;
  /** For error boundaries: the error caught; absent catches every error. */
  errorRef?: string;
}

/** An element the engine cannot run, kept so that graph checks stay accurate; its findings say why. */
export interface UnsupportedNode extends NodeBase {
  type: 'unsupported';
  /** For an unsupported boundary event (signal, message, …): its host, so reachability stays right. */
  attachedTo?: string;
}

export type FlowNode =
  | StartEventNode
  | EndEventNode
  | UserTaskNode
  | ServiceTaskNode
  | ReceiveTaskNode
  | MessageCatchNode
  | TimerCatchNode
  | GatewayNode
  | SubProcessNode
  | CallActivityNode
  | BoundaryEventNode
  | UnsupportedNode;

export type FlowNodeType = FlowNode['type'];

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** Condition source in our expression language, `${…}` wrapper removed. */
  condition?: string;
  parentId?: string;
}

export interface ProcessModel {
  /** Process id from the XML: the definition key. */
  id: string;
  name?: string;
  /** Every node, nested ones included, by id. */
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Start events at process level (none and message), in document order. */
  startNodeIds: string[];
  messages: Record<string, MessageRef>;
  errors: Record<string, ErrorRef>;
}
