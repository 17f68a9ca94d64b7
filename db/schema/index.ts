export * from './host';
export * from './roles';
export * from './users';
export * from './accounts';
export * from './sessions';
export * from './throttle';
export * from './setup-token';
export * from './smtp';
