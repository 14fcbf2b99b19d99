/** Window intake's public face: reads the cases module shows on a case (no imports from cases, so no cycle). */
export { owedMaterialsOf, type OwedMaterial } from './queries.ts';
