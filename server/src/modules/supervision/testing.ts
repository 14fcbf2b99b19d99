/** Projected supervision rows for other modules' tests (the cards' own fixtures), written as ingest would leave them. */
export { addCase, addEvent, addSource, addStep, type CaseFixture, type StepFixture } from './cards/fixtures.ts';
