import type { ErrorEntry } from '../../platform/error-entry.ts';

/** Error codes of the workflow module; merged into the one catalogue in platform/errors.ts. */
export const workflowErrors = {
  // details: { position, zh, en } — position is a 0-based character offset into the expression source.
  EXPRESSION_SYNTAX: { status: 400, zh: '表达式有语法错误', en: 'The expression has a syntax error' },
  // details: { position, zh, en } — the expression parsed but cannot be computed over this case's data.
  EXPRESSION_EVALUATION: { status: 422, zh: '表达式无法按办件数据求值', en: 'The expression cannot be evaluated over the case data' },
  // details: { findings } — the validator's error-severity findings, each naming the element.
  BPMN_INVALID: { status: 422, zh: '流程定义存在无法执行的元素', en: 'The process definition has elements that cannot execute' },
  // ── Engine runtime (engine/): definitions, instances, tasks ──
  // details: { key } or { definitionId }
  PROCESS_NOT_FOUND: { status: 404, zh: '流程定义不存在或尚未发布', en: 'No such process definition, or none published' },
  // details: { definitionId } — a published version is immutable: it cannot be published again, changed or deleted.
  DEFINITION_NOT_DRAFT: { status: 409, zh: '流程定义已发布，不能修改或删除', en: 'The process definition is already published; it cannot be changed or deleted' },
  // details: { instanceId }
  INSTANCE_NOT_FOUND: { status: 404, zh: '流程实例不存在', en: 'Process instance not found' },
  // details: { instanceId, status } — completed, terminated, or (for resume) not suspended.
  INSTANCE_NOT_RUNNING: { status: 409, zh: '流程实例不在运行中', en: 'The process instance is not running' },
  // details: { instanceId }
  INSTANCE_SUSPENDED: { status: 409, zh: '流程实例已挂起', en: 'The process instance is suspended' },
  // details: { taskId }
  TASK_ALREADY_COMPLETED: { status: 409, zh: '该任务已办结', en: 'The task is already completed' },
  // details: { taskId, status } — returned, cancelled or delegated: not open for this operation.
  TASK_NOT_OPEN: { status: 409, zh: '该任务当前不可办理', en: 'The task is not open for this operation' },
  // details: { taskId } — the actor is not the assignee, claimer, candidate or delegate this operation needs.
  TASK_NOT_ASSIGNEE: { status: 403, zh: '您不是该任务的办理人', en: 'You are not the handler of this task' },
  // details: { taskId, claimedBy }
  TASK_ALREADY_CLAIMED: { status: 409, zh: '该任务已被他人签收', en: 'The task has been claimed by someone else' },
  // details: { taskId }
  TASK_NOT_CLAIMED: { status: 409, zh: '该任务未被签收', en: 'The task is not claimed' },
  // details: { taskId, delegate } — the owner waits until the delegate resolves.
  TASK_DELEGATED: { status: 409, zh: '该任务已委派，须待受托人处理完毕', en: 'The task is delegated; wait until the delegate resolves it' },
  // details: { outcome }
  OUTCOME_INVALID: { status: 400, zh: '办理结果须为 approve 或 reject', en: 'The outcome must be approve or reject' },
  // details: { fields } — fields read-only or hidden at this step.
  FORM_FIELD_NOT_EDITABLE: { status: 422, zh: '本环节不能修改这些表单字段', en: 'These form fields cannot be changed at this step' },
  // details: { taskId, target, reason } — reason: notUserTask / notCompleted / otherBranch / otherScope / self.
  RETURN_TARGET_INVALID: { status: 422, zh: '不能退回到该环节', en: 'The task cannot be returned to this step' },
  // details: { taskId, reason } — the next step already acted, or the process moved past the step.
  WITHDRAW_TOO_LATE: { status: 409, zh: '下一环节已办理，不能撤回', en: 'The next step has already acted; the task cannot be withdrawn' },
  // details: { taskId, reason } — the completion ran a service task, a call activity or ended the process.
  WITHDRAW_NOT_ALLOWED: { status: 409, zh: '该办理结果已产生不可撤销的后果，不能撤回', en: 'The completion had effects that cannot be undone' },
  // details: { taskId, nodeId }
  SIGNER_NOT_MULTI_INSTANCE: { status: 422, zh: '该环节不是会签环节，不能加签或减签', en: 'The step is not a multi-signer step' },
  // details: { signer }
  SIGNER_DUPLICATE: { status: 409, zh: '该人员已是本环节的会签人', en: 'The person is already a signer of this step' },
  // details: { signer }
  SIGNER_NOT_FOUND: { status: 404, zh: '本环节没有该会签人', en: 'No such signer at this step' },
  // details: { signer, outcome }
  SIGNER_ALREADY_DECIDED: { status: 409, zh: '该会签人已表态，不能减签', en: 'The signer has already decided and cannot be removed' },
  // details: { signer }
  SIGNER_LAST_PENDING: { status: 409, zh: '不能减去最后一位未表态的会签人', en: 'The last pending signer cannot be removed' },
  // details: { taskId, retryAt }
  URGE_THROTTLED: { status: 429, zh: '同一任务每小时只能催办一次', en: 'A task can be urged at most once an hour' },
  // details: { userId } — 转办 only to an approver or the agency head of the step's own department.
  TRANSFER_TARGET_INVALID: { status: 422, zh: '只能转办或交接给本环节所属部门的审批人员或部门负责人', en: 'A step can be transferred or handed over only to an approver or the head of its own department' },
  // details: { userId } — copies go to staff who read the approval record (not supervisors).
  COPY_RECIPIENT_INVALID: { status: 422, zh: '不能抄送给该人员', en: 'A copy cannot be sent to this person' },
  // details: { copyId }
  COPY_NOT_FOUND: { status: 404, zh: '抄送记录不存在', en: 'Copy not found' },
  // details: { nodeId } — no condition held and the gateway has no default flow.
  WORKFLOW_NO_PATH: { status: 422, zh: '没有满足条件的流转路径', en: 'No outgoing path of the step applies' },
  // details: { nodeId, errorCode } — a BPMN error no error boundary event catches.
  WORKFLOW_ERROR_UNCAUGHT: { status: 422, zh: '流程业务异常未被捕获', en: 'A business error of the process was not caught' },
  // details: { nodeId, handler } — a service task names a handler not registered in code.
  WORKFLOW_HANDLER_MISSING: { status: 500, zh: '服务任务的处理程序未注册', en: 'The service task handler is not registered' },
  // details: { nodeId, rule } — the assignee rule gave no one (e.g. no applicant department in the case data).
  ASSIGNEE_UNRESOLVED: { status: 422, zh: '无法确定该环节的办理人', en: 'The handler of the step cannot be determined' },
  // details: { messageName, businessKey } — no instance waits for this message.
  MESSAGE_NOT_CORRELATED: { status: 404, zh: '没有等待该消息的流程', en: 'No process waits for this message' },
  // details: { instanceId } — the same command raced with another; retry.
  WORKFLOW_STATE_CONFLICT: { status: 409, zh: '流程状态已变化，请刷新后重试', en: 'The process has changed state; refresh and try again' },
} as const satisfies Record<string, ErrorEntry>;
