export { ALL_SUBGRAPHS, figureBreakdownsOf } from './subgraphs';
export { composeSchemas, schemaFiles, SCHEMA_DIR, DOCKER_COMPOSE_FILE, type ComposedSchemas } from './compose';
export { dockerCompose } from './docker-compose';
export {
  kubernetesFiles,
  prometheusRule,
  oauth2ProxyEnvironment,
  demoJwtSettings,
  KUBERNETES_DIR,
  PROMETHEUS_RULES_FILE,
  DEMO_SIGN_IN_DIR,
} from './kubernetes';
export { keycloakRealm, KEYCLOAK_REALM_FILE, SIGN_IN, SIGN_IN_IMAGES, DEMO_PEOPLE, DEMO_PASSWORD } from './sign-in';
export {
  readObservationCsv,
  readObservationFile,
  decodeCsvBytes,
  detectDelimiter,
  parseFigure,
  explainOtherAreas,
  type CsvDialect,
} from './import';
export { tokenClaims, type TokenArguments, type TokenClaims } from './token';
export { parseArea, parseRole, UsageError } from './arguments';
export {
  runningDistricts,
  runningIndicatorAreas,
  demoDistricts,
  gatewayUrlFrom,
  RegisterUnavailable,
  type DistrictRegister,
} from './register';
export { launchSystem, devSecret, DEFAULT_RESTART_POLICY, LaunchError, type RestartPolicy, type RunningSystem } from './launch';
