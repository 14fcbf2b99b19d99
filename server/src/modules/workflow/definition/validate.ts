import { AppError } from '../../../platform/errors.ts';
import { buildModel } from './build-model.ts';
import { checkGraph, type ValidateOptions } from './check-graph.ts';
import type { Finding } from './findings.ts';
import type { ProcessModel } from './model.ts';
import { readBpmn } from './read-bpmn.ts';
import { selectProcess } from './select-process.ts';

/** The outcome of reading a BPMN file: the model when one could be built, and what was found on the way. */
export interface ParsedBpmn {
  model: ProcessModel | null;
  findings: Finding[];
}

export async function parseBpmn(xml: string): Promise<ParsedBpmn> {
  const read = await readBpmn(xml);
  if (!read.definitions) return { model: null, findings: read.findings };
  const selected = selectProcess(read.definitions);
  if (!selected.process) return { model: null, findings: [...read.findings, ...selected.findings] };
  const built = buildModel(read.definitions, selected.process, read.unresolved);
  return { model: built.model, findings: [...read.findings, ...selected.findings, ...built.findings] };
}

export async function validate(xml: string, options: ValidateOptions = {}): Promise<ParsedBpmn> {
  const parsed = await parseBpmn(xml);
  if (!parsed.model) return parsed;
  return { model: parsed.model, findings: [...parsed.findings, ...checkGraph(parsed.model, options)] };
}

export async function compileBpmn(xml: string, options: ValidateOptions = {}): Promise<ProcessModel> {
  const { model, findings } = await validate(xml, options);
  const errors = findings.filter((f) => f.severity === 'error');
  if (!model || errors.length > 0) throw new AppError('BPMN_INVALID', { findings: errors });
  return model;
}
