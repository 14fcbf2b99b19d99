import { finding, type Finding } from './findings.ts';
import { children, text, type ModdleElement } from './moddle-access.ts';

/**
 * Picks the one process of a file that we execute. A collaboration may hold
 * several pools; we run exactly one and say which, so nobody assumes the
 * others run too: among the processes marked isExecutable="true" the one with
 * the most flow elements, else (many tools write isExecutable="false" by
 * default) the one with the most flow elements; the first wins a tie.
 */
export function selectProcess(definitions: ModdleElement): { process: ModdleElement | null; findings: Finding[] } {
  const processes = children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  const withContent = processes.filter((p) => size(p) > 0);
  const executable = withContent.filter((p) => p.isExecutable === true);
  const chosen = largest(executable.length > 0 ? executable : withContent);
  if (!chosen) return { process: null, findings: [finding('NO_PROCESS', null)] };
  if (processes.length === 1) return { process: chosen, findings: [] };
  const pools = poolNames(definitions);
  const others = processes.filter((p) => p !== chosen).map((p) => label(p, pools));
  return {
    process: chosen,
    findings: [finding('PROCESS_CHOSEN', { id: chosen.id ?? '', type: chosen.$type }, { chosen: label(chosen, pools), count: processes.length, others: others.join(', ') })],
  };
}

function size(process: ModdleElement): number {
  return children(process, 'flowElements').length;
}

function largest(processes: ModdleElement[]): ModdleElement | undefined {
  return processes.reduce<ModdleElement | undefined>((best, p) => (best && size(best) >= size(p) ? best : p), undefined);
}

/** Process id → the name of the pool (participant) showing it. */
function poolNames(definitions: ModdleElement): Map<string, string> {
  const names = new Map<string, string>();
  for (const collaboration of children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Collaboration')) {
    for (const participant of children(collaboration, 'participants')) {
      const processRef = participant.processRef as ModdleElement | undefined;
      const name = text(participant, 'name');
      if (processRef?.id && name) names.set(processRef.id, name);
    }
  }
  return names;
}

function label(process: ModdleElement, pools: Map<string, string>): string {
  const name = (process.id && pools.get(process.id)) ?? text(process, 'name');
  return name ? `${process.id} (${name})` : String(process.id);
}
