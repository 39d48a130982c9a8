export * from './attribution.ts';
export * from './feedback.ts';
export * from './message.ts';
export * from './records.ts';
export * from './reported-message.ts';
export * from './restriction.ts';
export * from './submission.ts';
export * from './tenant.ts';
