/**
 * The demo center's public face: loading its data on first start, and the
 * facts tests and the start banner rely on (the shared password, the accounts).
 */
export { seedDemo, seedSupervisionAccounts } from './seed.ts';
/** Sample cases in every state, made through the real commands. */
export { loadDemoCases } from './cases.ts';
export { DEMO_PASSWORD, users as demoUsers } from './data.ts';
