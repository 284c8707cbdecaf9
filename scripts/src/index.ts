export { ALL_SUBGRAPHS } from './subgraphs';
export { composeSchemas, schemaFiles, SCHEMA_DIR, type ComposedSchemas } from './compose';
export { launchSystem, devSecret, DEFAULT_RESTART_POLICY, LaunchError, type RestartPolicy, type RunningSystem } from './launch';
export { readObservationCsv } from './import';
