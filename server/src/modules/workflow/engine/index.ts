/**
 * The workflow engine's public face (issue 3): durable BPMN execution on
 * PostgreSQL. Every command is one transaction (or runs in the caller's, via
 * `env.tx`) that locks the process tree's root instance; no engine state
 * lives in memory between commands. docs/workflow-engine.md defines the
 * semantics of every operation.
 */

export type { Actor, EngineEnv, InstanceStatus, OpenedTask, Outcome, TaskRow, TaskStatus, Variables } from './types.ts';
export type { DueDateCalculator } from './due-dates.ts';
export type { HandlerRegistry, ServiceCall, ServiceHandler } from './handlers.ts';
export type { DefinitionSummary } from './definitions.ts';
export type { StartInput, StartResult, CorrelateInput } from './start-instance.ts';
export type { CompleteInput, CompleteResult } from './complete-task.ts';

/** How step limits and P<n>WD timers become moments: the legal clock's working days, or calendar days as a fallback. */
export { calendarDayCalculator, legalClockCalculator, workingDayCalculator } from './due-dates.ts';
/** Service-task handlers by name; `BpmnError` routes a business refusal to an error boundary. */
export { BpmnError, handlerRegistry } from './handlers.ts';

/** Validates BPMN XML and stores it as the next version of its key (draft, or published with `publish: true`). */
export { deployDefinition } from './definitions.ts';
/** Publishes a draft version (then immutable). */
export { publishDefinition } from './definitions.ts';
/** The latest published version of a process key. */
export { latestPublished } from './definitions.ts';

/** Starts an instance of the latest published version of a key; runs until every token rests. */
export { startInstance } from './start-instance.ts';
/** Delivers a message to the waiting receive task / catch event (by name and business key), or starts a process with that message start event. */
export { correlateMessage } from './start-instance.ts';
/** Completes a task with outcome, opinion and form data. */
export { completeTask } from './complete-task.ts';
/** 签收 / 退回签收 of candidate tasks. */
export { claimTask, unclaimTask } from './claim-task.ts';
/** 转办, 委派 and its resolution, 工作交接 of all of a person's open tasks. */
export { transferTask, delegateTask, resolveTask, handoverTasks, type HandoverTask } from './reassign-task.ts';
/** 退回 to an earlier completed step (rules in docs/workflow-engine.md). */
export { returnTask, listReturnTargets } from './return-task.ts';
/** 撤回 a completion before the next person acts. */
export { withdrawTask } from './withdraw-task.ts';
/** 加签 / 减签 on a running multi-instance step. */
export { addSigners, removeSigner } from './signers.ts';
/** 抄送 with read receipts. */
export { copyTo, markCopyRead } from './copy-to.ts';
/** 催办, at most once an hour per task. */
export { urgeTask, URGE_INTERVAL_MS } from './urge-task.ts';
/** 挂起 / 恢复 / 终止 a process and its called children. */
export { suspendInstance, resumeInstance, terminateProcess } from './suspend-instance.ts';
/** 期限顺延: moves pending step-limit timers (a case paused and resumed), one transaction. */
export { rescheduleTimers } from './reschedule-timers.ts';
export type { StepTimer, MovedTimer } from './reschedule-timers.ts';
/** What the actor may do now on a task and on the process (the workbench shows only these). */
export { allowedOperations, TASK_OPERATIONS } from './allowed-operations.ts';
export type { AllowedOperations, TaskOperation } from './allowed-operations.ts';
/** The timer sweep: fires due timers exactly once, safe with several workers. */
export { fireDueTimers } from './timers.ts';
/** History with diagram highlights; instance, task, to-do list and copies reads. */
export { getHistory, getInstance, getTask, listOpenTasks, listCopies, openTaskBranches } from './queries.ts';
/** Steps by id with whether their own timeout action still waits (deadline warnings leave overdue to it). */
export { getTasksWithTimeouts } from './queries.ts';
export type { ProcessHistory, HistoryEntryView } from './queries.ts';
/** Reads the case side needs: a step with its case, a process's outcome, a definition's source, open steps per person, a case's steps. */
export { findCaseTask, processOutcome, definitionSource, openTaskCounts, caseSteps } from './case-reads.ts';
/** What the case policy reads of a case's steps for a person; steps by id; the steps a person holds (handover). */
export { caseInvolvement, tasksByIds, tasksHeldBy, type CaseInvolvement } from './case-reads.ts';
