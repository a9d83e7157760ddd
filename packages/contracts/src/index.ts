export * from './access.js';
export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './enterprises.js';
export * from './messages.js';
export * from './org.js';
export * from './validators.js';
