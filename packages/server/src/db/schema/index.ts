export * from './clinics';
export * from './users';
export * from './sessions';
export * from './audit';
export * from './patients';
export * from './consents';
export * from './ledger';
