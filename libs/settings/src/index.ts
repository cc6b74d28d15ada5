export * from './setting-checks';
export * from './settings.table';
export * from './validate-settings';
export * from './operations-settings';
