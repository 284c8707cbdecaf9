import fs from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';
import { envName, SUBGRAPHS, type ServiceName } from '@samsyn/core';
import { keycloakRealm, SIGN_IN, SIGN_IN_IMAGES } from './sign-in';

export const KUBERNETES_DIR = path.resolve(__dirname, '../../deploy/kubernetes');
export const PROMETHEUS_RULES_FILE = path.resolve(__dirname, '../../deploy/prometheus/samsyn.rules.yml');
/** The demo overlay's sign-in (Keycloak with the demo realm, oauth2-proxy in front of the gateway): a kustomize Component. */
export const DEMO_SIGN_IN_DIR = 'overlays/demo/sign-in';

const VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const PORT = 4000;
const PART_OF = { 'app.kubernetes.io/part-of': 'samsyn' };

/**
 * Memory per process. Issue 31 measured the peak RSS of `npm run bench` (g) at 1,000 districts on 2 cores before its
 * work: gateway 1,351 MiB, adult-services 1,116, child-services 1,044, disability 960; its target, which its bench
 * now holds every process to, is below 1 GiB. So 1 GiB is the limit (a process past it is restarted, as `npm start`
 * restarts one), V8's old space is capped below it (768 MiB, leaving room for buffers and the young generation), and
 * the request is half the limit: what a process holds in ordinary traffic, with the dashboards' peaks above it.
 * organisation answers districts and areas only and stays far below; it gets half of everything.
 */
const MEMORY: Record<'gateway' | 'area' | 'organisation', { request: string; limit: string; oldSpaceMiB: number }> = {
  gateway: { request: '512Mi', limit: '1Gi', oldSpaceMiB: 768 },
  area: { request: '512Mi', limit: '1Gi', oldSpaceMiB: 768 },
  organisation: { request: '256Mi', limit: '512Mi', oldSpaceMiB: 384 },
};

type Kind = 'gateway' | 'area' | 'organisation';
const kindOf = (service: ServiceName): Kind => (service === 'gateway' ? 'gateway' : service === 'organisation' ? 'organisation' : 'area');
const componentOf = (service: ServiceName) => (service === 'gateway' ? 'gateway' : 'subgraph');
const labelsOf = (service: ServiceName) => ({ 'app.kubernetes.io/name': service, ...PART_OF });

/** The command that starts a service in the image (the same as docker-compose.yml's). */
const commandOf = (service: ServiceName) => [
  'node',
  service === 'gateway' ? 'gateway/dist/index.js' : `subgraphs/${service}/dist/src/index.js`,
];

const secretEnv = (name: string, secret: string, key: string, optional = false): IEnvVar => ({
  name,
  valueFrom: { secretKeyRef: { name: secret, key, ...(optional ? { optional: true } : {}) } },
});

/**
 * Secrets by reference: the manifests name them, an operator (or a secrets operator) creates them. The database and
 * Redis URLs carry passwords; the keys are optional because each has a meaning when absent (see docs/configuration.md).
 */
function secretEnvOf(service: ServiceName | 'migrations'): IEnvVar[] {
  return [
    ...(service === 'gateway' ? [] : [secretEnv('DATABASE_URL', 'samsyn-database', 'url')]),
    ...(service === 'migrations' ? [] : [secretEnv('REDIS_URL', 'samsyn-redis', 'url')]),
    secretEnv('JWT_SECRET', 'samsyn-keys', 'jwt-secret', true),
    ...(service === 'migrations'
      ? []
      : [
          secretEnv('METRICS_TOKEN', 'samsyn-keys', 'metrics-token', true),
          secretEnv('CACHE_MAC_KEY', 'samsyn-keys', 'cache-mac-key', true),
        ]),
    ...(service === 'gateway' ? [] : [secretEnv('WEBHOOK_SECRET_KEY', 'samsyn-keys', 'webhook-secret-key', true)]),
  ];
}

/** The image runs as `node` (uid 1000) and writes nothing but /tmp. */
const SECURITY: { pod: IPodSecurityContext; container: ISecurityContext } = {
  pod: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
  container: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
};

function container(service: ServiceName): IContainer {
  const memory = MEMORY[kindOf(service)];
  return {
    name: service,
    image: 'samsyn',
    command: commandOf(service),
    ports: [{ name: 'http', containerPort: PORT }],
    envFrom: [{ configMapRef: { name: 'samsyn-config' } }],
    env: [
      // The image's own NODE_OPTIONS plus a heap below the container's memory limit.
      { name: 'NODE_OPTIONS', value: `--max-semi-space-size=32 --max-old-space-size=${memory.oldSpaceMiB}` },
      ...secretEnvOf(service),
    ],
    resources: { requests: { cpu: '250m', memory: memory.request }, limits: { cpu: '1', memory: memory.limit } },
    // A subgraph is ready while its database answers (/ready). The gateway's /ready asks every subgraph's, so one
    // subgraph down would take every gateway out of its Service; but the gateway serves the others' fields meanwhile
    // (a static supergraph), so it is ready while it runs (/health), as in docker-compose.yml; its /ready feeds the
    // samsyn_ready metric and the SamsynNotReady alert instead.
    startupProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
    readinessProbe: {
      httpGet: { path: service === 'gateway' ? '/health' : '/ready', port: 'http' },
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 2,
    },
    livenessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
    securityContext: SECURITY.container,
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
  };
}

function deployment(service: ServiceName): IDeployment {
  const labels = { ...labelsOf(service), 'app.kubernetes.io/component': componentOf(service) };
  // A subgraph waits until the migration Job has brought its schema up to date: it never migrates on start.
  const initContainers: IContainer[] =
    service === 'gateway'
      ? []
      : [
          {
            name: 'wait-for-migrations',
            image: 'samsyn',
            command: ['node', 'scripts/dist/migrate.js', '--wait', service],
            envFrom: [{ configMapRef: { name: 'samsyn-config' } }],
            env: secretEnvOf('migrations'),
            resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
            securityContext: SECURITY.container,
          },
        ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service, labels },
    spec: {
      // Scaled by its HorizontalPodAutoscaler, except organisation, which has a fixed two.
      ...(kindOf(service) === 'organisation' ? { replicas: 2 } : {}),
      selector: { matchLabels: labelsOf(service) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels },
        spec: {
          securityContext: SECURITY.pod,
          // A stopping service finishes its requests and webhook deliveries first (SIGTERM), within this time.
          terminationGracePeriodSeconds: 30,
          ...(initContainers.length ? { initContainers } : {}),
          containers: [container(service)],
          volumes: [{ name: 'tmp', emptyDir: {} }],
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: labelsOf(service) },
            },
          ],
        },
      },
    },
  };
}

function service(name: ServiceName): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels: labelsOf(name) },
    spec: { selector: labelsOf(name), ports: [{ name: 'http', port: PORT, targetPort: 'http' }] },
  };
}

function autoscaler(name: ServiceName): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, labels: labelsOf(name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: 2,
      maxReplicas: name === 'gateway' ? 8 : 6,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
      // Scale down slowly: a dashboard burst at quarter's end comes back.
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

function disruptionBudget(name: ServiceName): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, labels: labelsOf(name) },
    // One replica at a time during a node drain (with one replica, as in the demo, that one may go).
    spec: { maxUnavailable: 1, selector: { matchLabels: labelsOf(name) } },
  };
}

function config(): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'samsyn-config', labels: PART_OF },
    data: {
      NODE_ENV: 'production',
      PORT: String(PORT),
      HOST: '0.0.0.0',
      LOG_LEVEL: 'info',
      // The migration Job migrates; services never do on start (several replicas would race).
      MIGRATE_ON_START: 'false',
      SEED_DEMO_DATA: 'false',
      ...Object.fromEntries(SUBGRAPHS.map((name) => [`${envName(name)}_URL`, `http://${name}:${PORT}/graphql`])),
    },
  };
}

function migrationJob(): IJob {
  const labels = { 'app.kubernetes.io/name': 'migrate', 'app.kubernetes.io/component': 'migrations', ...PART_OF };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', labels },
    spec: {
      backoffLimit: 4,
      // Gone an hour after it finished, so that the next release's apply creates it again.
      ttlSecondsAfterFinished: 3600,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'OnFailure',
          securityContext: SECURITY.pod,
          containers: [
            {
              name: 'migrate',
              image: 'samsyn',
              // Every subgraph's pending migrations, one subgraph after another (npm run migrate).
              command: ['node', 'scripts/dist/migrate.js'],
              envFrom: [{ configMapRef: { name: 'samsyn-config' } }],
              env: secretEnvOf('migrations'),
              resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
              securityContext: SECURITY.container,
            },
          ],
        },
      },
    },
  };
}

/**
 * Only the gateway is reachable from outside; subgraphs only from the gateway (and Prometheus, for /metrics, from a
 * namespace named `monitoring`); PostgreSQL and Redis, where the cluster runs them (the demo), only from Samsyn's
 * services and the migration Job.
 */
function networkPolicies(): INetworkPolicy[] {
  const policy = (name: string, spec: INetworkPolicy['spec']): INetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, labels: PART_OF },
    spec,
  });
  const prometheus = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
  return [
    policy('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }),
    policy('gateway-from-anywhere', {
      podSelector: { matchLabels: labelsOf('gateway') },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: PORT }] }],
    }),
    policy('subgraphs-from-gateway', {
      podSelector: { matchLabels: { ...PART_OF, 'app.kubernetes.io/component': 'subgraph' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ podSelector: { matchLabels: labelsOf('gateway') } }, prometheus], ports: [{ protocol: 'TCP', port: PORT }] }],
    }),
    policy('stores-from-services', {
      podSelector: { matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['database', 'cache'] }] },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [
            {
              podSelector: {
                matchLabels: PART_OF,
                matchExpressions: [{ key: 'app.kubernetes.io/component', operator: 'In', values: ['gateway', 'subgraph', 'migrations'] }],
              },
            },
          ],
        },
      ],
    }),
  ];
}

// --- the demo's own PostgreSQL and Redis -------------------------------------------------------------------------

const DEMO_DB = { user: 'samsyn', password: 'samsyn-demo', database: 'samsyn' };

function demoStores(): (IStatefulSet | IDeployment | IService | ISecret)[] {
  const pgLabels = { 'app.kubernetes.io/name': 'postgres', ...PART_OF };
  const redisLabels = { 'app.kubernetes.io/name': 'redis', ...PART_OF };
  const credentials: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'postgres-credentials', labels: pgLabels },
    // Demo values only: the production overlay has no secret values at all.
    stringData: { POSTGRES_USER: DEMO_DB.user, POSTGRES_PASSWORD: DEMO_DB.password, POSTGRES_DB: DEMO_DB.database },
  };
  const postgres: IStatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'postgres', labels: { ...pgLabels, 'app.kubernetes.io/component': 'database' } },
    spec: {
      serviceName: 'postgres',
      replicas: 1,
      selector: { matchLabels: pgLabels },
      template: {
        metadata: { labels: { ...pgLabels, 'app.kubernetes.io/component': 'database' } },
        spec: {
          containers: [
            {
              name: 'postgres',
              image: 'postgres:16',
              ports: [{ name: 'postgres', containerPort: 5432 }],
              envFrom: [{ secretRef: { name: 'postgres-credentials' } }],
              env: [{ name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' }],
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
              readinessProbe: { exec: { command: ['pg_isready', '-U', DEMO_DB.user, '-d', DEMO_DB.database] }, periodSeconds: 5 },
              livenessProbe: { exec: { command: ['pg_isready', '-U', DEMO_DB.user, '-d', DEMO_DB.database] }, periodSeconds: 10 },
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } } },
      ],
    },
  };
  const redis: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'redis', labels: { ...redisLabels, 'app.kubernetes.io/component': 'cache' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: redisLabels },
      template: {
        metadata: { labels: { ...redisLabels, 'app.kubernetes.io/component': 'cache' } },
        spec: {
          containers: [
            {
              name: 'redis',
              image: 'redis:7',
              // A cache, never a source of truth: bounded, nothing on disk.
              args: ['--maxmemory', '256mb', '--maxmemory-policy', 'allkeys-lru', '--save', '', '--appendonly', 'no'],
              ports: [{ name: 'redis', containerPort: 6379 }],
              resources: { requests: { cpu: '100m', memory: '320Mi' }, limits: { memory: '384Mi' } },
              readinessProbe: { exec: { command: ['redis-cli', 'ping'] }, periodSeconds: 5 },
              livenessProbe: { tcpSocket: { port: 'redis' }, periodSeconds: 10 },
            },
          ],
        },
      },
    },
  };
  const store = (name: string, port: number, labels: Record<string, string>): IService => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, labels },
    spec: { selector: labels, ports: [{ name, port, targetPort: name }] },
  });
  const url = (name: string, value: string): ISecret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, labels: PART_OF },
    stringData: { url: value },
  });
  return [
    credentials,
    postgres,
    store('postgres', 5432, pgLabels),
    redis,
    store('redis', 6379, redisLabels),
    url('samsyn-database', `postgres://${DEMO_DB.user}:${DEMO_DB.password}@postgres:5432/${DEMO_DB.database}`),
    url('samsyn-redis', 'redis://redis:6379'),
  ];
}

// --- the demo's sign-in: Keycloak with the demo realm, oauth2-proxy in front of the gateway ----------------------

/**
 * The same provider and proxy as docker-compose.yml (scripts/src/docker-compose.ts), with the same addresses: the
 * browser reaches both through `kubectl port-forward` as localhost:8080 and localhost:4180, so the realm's redirect
 * URI and every token's issuer are the same as under compose; inside the cluster the services and the proxy reach
 * the realm as keycloak:8080 (the Service), as the containers do under compose.
 */
const KEYCLOAK_PORT = 8080;
const OAUTH2_PROXY_PORT = 4180;
const REALM_CONFIG_MAP = 'keycloak-realm';
const REALM_FILE = 'samsyn-realm.json';
const signInLabels = (name: 'keycloak' | 'oauth2-proxy') => ({ 'app.kubernetes.io/name': name, ...PART_OF });
const signInComponent = { 'app.kubernetes.io/component': 'sign-in' };

/** oauth2-proxy's settings, as in docker-compose.yml; its client and cookie secrets come from the Secret `oauth2-proxy`. */
export function oauth2ProxyEnvironment(): Record<string, string> {
  return {
    OAUTH2_PROXY_HTTP_ADDRESS: `0.0.0.0:${OAUTH2_PROXY_PORT}`,
    OAUTH2_PROXY_UPSTREAMS: `http://gateway:${PORT}/`,
    OAUTH2_PROXY_PROVIDER: 'oidc',
    OAUTH2_PROXY_PROVIDER_DISPLAY_NAME: 'Stadens inloggning (demo)',
    OAUTH2_PROXY_CLIENT_ID: SIGN_IN.clientId,
    // Plain http through port-forward for the demo; behind TLS set it to true.
    OAUTH2_PROXY_COOKIE_SECURE: 'false',
    // Tokens live 15 minutes (the realm's accessTokenLifespan): the proxy refreshes them before.
    OAUTH2_PROXY_COOKIE_REFRESH: '10m',
    OAUTH2_PROXY_EMAIL_DOMAINS: '*',
    OAUTH2_PROXY_SCOPE: 'openid profile email',
    OAUTH2_PROXY_CODE_CHALLENGE_METHOD: 'S256',
    OAUTH2_PROXY_REDIRECT_URL: `${SIGN_IN.proxy}/oauth2/callback`,
    OAUTH2_PROXY_SKIP_PROVIDER_BUTTON: 'true',
    // The browser signs in at localhost:8080, the proxy redeems codes and fetches keys inside the cluster.
    OAUTH2_PROXY_OIDC_ISSUER_URL: SIGN_IN.issuer,
    OAUTH2_PROXY_SKIP_OIDC_DISCOVERY: 'true',
    OAUTH2_PROXY_LOGIN_URL: `${SIGN_IN.issuer}/protocol/openid-connect/auth`,
    OAUTH2_PROXY_REDEEM_URL: `${SIGN_IN.internal}/protocol/openid-connect/token`,
    OAUTH2_PROXY_OIDC_JWKS_URL: `${SIGN_IN.internal}/protocol/openid-connect/certs`,
    // The gateway gets Authorization: Bearer <ID token> on every request it forwards.
    OAUTH2_PROXY_PASS_AUTHORIZATION_HEADER: 'true',
    OAUTH2_PROXY_SET_XAUTHREQUEST: 'true',
  };
}

/** The settings every Samsyn service verifies tokens with, as in docker-compose.yml. */
export function demoJwtSettings(): Record<'JWT_JWKS_URL' | 'JWT_ISSUER' | 'JWT_AUDIENCE', string> {
  return {
    JWT_JWKS_URL: `${SIGN_IN.internal}/protocol/openid-connect/certs`,
    JWT_ISSUER: SIGN_IN.issuer,
    JWT_AUDIENCE: SIGN_IN.clientId,
  };
}

function keycloak(): (IConfigMap | IDeployment | IService)[] {
  const labels = signInLabels('keycloak');
  const realm: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: REALM_CONFIG_MAP, labels },
    // The realm docker-compose.yml mounts from deploy/keycloak/samsyn-realm.json (kustomize reads nothing outside the
    // overlay, so the generator writes it here too).
    data: { [REALM_FILE]: keycloakRealm() },
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'keycloak', labels: { ...labels, ...signInComponent } },
    spec: {
      // Development mode keeps its data in the pod: one replica, and a new pod imports the realm afresh.
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels, ...signInComponent } },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            runAsGroup: 1000,
            fsGroup: 1000,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'keycloak',
              image: SIGN_IN_IMAGES.keycloak,
              args: ['start-dev', '--import-realm'],
              env: [
                // Tokens name the address the browser signs in at; the services reach the same realm as keycloak:8080.
                { name: 'KC_HOSTNAME', value: new URL(SIGN_IN.issuer).origin },
                { name: 'KC_HOSTNAME_BACKCHANNEL_DYNAMIC', value: 'true' },
                { name: 'KC_HEALTH_ENABLED', value: 'true' },
              ],
              ports: [
                { name: 'http', containerPort: KEYCLOAK_PORT },
                { name: 'management', containerPort: 9000 },
              ],
              resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } },
              // Development mode builds on start (a minute or two on a busy node) before it answers.
              startupProbe: { httpGet: { path: '/health/started', port: 'management' }, periodSeconds: 5, failureThreshold: 60 },
              readinessProbe: { httpGet: { path: '/health/ready', port: 'management' }, periodSeconds: 5, timeoutSeconds: 3 },
              livenessProbe: { httpGet: { path: '/health/live', port: 'management' }, periodSeconds: 10, timeoutSeconds: 3 },
              // Development mode writes its database and build under /opt/keycloak: the root file system stays writable.
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
              volumeMounts: [{ name: 'realm', mountPath: '/opt/keycloak/data/import', readOnly: true }],
            },
          ],
          volumes: [{ name: 'realm', configMap: { name: REALM_CONFIG_MAP } }],
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'keycloak', labels },
    spec: { selector: labels, ports: [{ name: 'http', port: KEYCLOAK_PORT, targetPort: 'http' }] },
  };
  return [realm, deployment, service];
}

function oauth2Proxy(): (ISecret | IDeployment | IService)[] {
  const labels = signInLabels('oauth2-proxy');
  const secret: ISecret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'oauth2-proxy', labels },
    // Demo values only, like the realm's passwords: the cookie secret is 32 bytes, as oauth2-proxy requires.
    stringData: { 'client-secret': SIGN_IN.clientSecret, 'cookie-secret': 'samsyn-demo-cookie-secret-32char' },
  };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'oauth2-proxy', labels: { ...labels, ...signInComponent } },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels, ...signInComponent } },
        spec: {
          // The image is distroless and runs as nonroot (65532).
          securityContext: { runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: 'oauth2-proxy',
              image: SIGN_IN_IMAGES.oauth2Proxy,
              env: [
                ...Object.entries(oauth2ProxyEnvironment()).map(([name, value]) => ({ name, value })),
                secretEnv('OAUTH2_PROXY_CLIENT_SECRET', 'oauth2-proxy', 'client-secret'),
                secretEnv('OAUTH2_PROXY_COOKIE_SECRET', 'oauth2-proxy', 'cookie-secret'),
              ],
              ports: [{ name: 'http', containerPort: OAUTH2_PROXY_PORT }],
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
              readinessProbe: { httpGet: { path: '/ping', port: 'http' }, periodSeconds: 5, timeoutSeconds: 3 },
              livenessProbe: { httpGet: { path: '/ping', port: 'http' }, periodSeconds: 10, timeoutSeconds: 3 },
              securityContext: SECURITY.container,
            },
          ],
        },
      },
    },
  };
  const service: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'oauth2-proxy', labels },
    spec: { selector: labels, ports: [{ name: 'http', port: OAUTH2_PROXY_PORT, targetPort: 'http' }] },
  };
  return [secret, deployment, service];
}

/**
 * Browsers reach Keycloak (to sign in) and oauth2-proxy; Keycloak's opening also lets every Samsyn service and the
 * proxy fetch the keys and redeem codes at keycloak:8080. The proxy reaches the gateway through the base's
 * `gateway-from-anywhere`.
 */
function signInNetworkPolicies(): INetworkPolicy[] {
  return (['keycloak', 'oauth2-proxy'] as const).map((name) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${name}-from-anywhere`, labels: PART_OF },
    spec: {
      podSelector: { matchLabels: signInLabels(name) },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: name === 'keycloak' ? KEYCLOAK_PORT : OAUTH2_PROXY_PORT }] }],
    },
  }));
}

// --- the production overlay's way in ------------------------------------------------------------------------------

function productionIngress(): IIngress {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'gateway', labels: labelsOf('gateway') },
    spec: {
      // Replace the host (and the TLS secret's name) with the city's; the certificate is created by reference.
      tls: [{ hosts: ['samsyn.kommun.example'], secretName: 'samsyn-tls' }],
      rules: [
        {
          host: 'samsyn.kommun.example',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gateway', port: { name: 'http' } } } }] },
        },
      ],
    },
  };
}

// --- files --------------------------------------------------------------------------------------------------------

interface JsonPatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}
interface Patch {
  target: { kind: string; name: string };
  patch: JsonPatchOperation[];
}

const HEADER = (what: string) =>
  `# Generated by \`npm run compose\` from the list of subgraphs (packages/core/src/areas.ts): edit\n` +
  `# scripts/src/kubernetes.ts, not this file. A test checks that it is current.\n# ${what}\n`;

const yaml = (documents: object[]) => documents.map((document) => dump(document, { lineWidth: 140, noRefs: true })).join('---\n');

const kustomization = (fields: Record<string, unknown>) =>
  dump({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...fields }, { lineWidth: 140, noRefs: true });

/** The area subgraphs and the gateway: each has a HorizontalPodAutoscaler. */
const SCALED: ServiceName[] = ['gateway', ...SUBGRAPHS.filter((name) => name !== 'organisation')];

/** Every file under deploy/kubernetes that `npm run compose` writes, by path relative to it. */
export function kubernetesFiles(): Record<string, string> {
  const services: ServiceName[] = [...SUBGRAPHS, 'gateway'];
  const files: Record<string, string> = {};
  for (const name of services) {
    files[`base/${name}.yaml`] =
      HEADER(`The ${name} ${name === 'gateway' ? '' : 'subgraph '}service.`) +
      yaml([deployment(name), service(name), ...(SCALED.includes(name) ? [autoscaler(name)] : []), disruptionBudget(name)]);
  }
  files['base/config.yaml'] = HEADER('Settings that are not secrets (docs/configuration.md).') + yaml([config()]);
  files['base/migrate-job.yaml'] = HEADER('Migrations run here, never on a service start.') + yaml([migrationJob()]);
  files['base/network-policies.yaml'] = HEADER('Who may reach whom.') + yaml(networkPolicies());
  files['base/kustomization.yaml'] =
    HEADER('PostgreSQL and Redis are outside (managed); their URLs and the keys are Secrets created by reference.') +
    kustomization({
      resources: ['config.yaml', 'migrate-job.yaml', 'network-policies.yaml', ...services.map((name) => `${name}.yaml`)],
    });

  const demoPatches: Patch[] = [
    ...SCALED.map((name) => ({
      target: { kind: 'HorizontalPodAutoscaler', name },
      patch: [{ op: 'replace' as const, path: '/spec/minReplicas', value: 1 }],
    })),
    { target: { kind: 'Deployment', name: 'organisation' }, patch: [{ op: 'replace', path: '/spec/replicas', value: 1 }] },
    // The demo data is loaded by the migration Job, once, not by replicas racing at their start.
    {
      target: { kind: 'Job', name: 'migrate' },
      patch: [{ op: 'add', path: '/spec/template/spec/containers/0/env/-', value: { name: 'SEED_DEMO_DATA', value: 'true' } }],
    },
  ];
  files['overlays/demo/stores.yaml'] = HEADER("The demo's own PostgreSQL and Redis (production uses managed ones).") + yaml(demoStores());
  files['overlays/demo/kustomization.yaml'] =
    HEADER('One replica each, its own PostgreSQL and Redis, demo data loaded by the migration Job.') +
    kustomization({
      namespace: 'samsyn-demo',
      resources: ['../../base', 'stores.yaml'],
      // The OpenID Connect provider with demo users and oauth2-proxy in front of the gateway.
      components: ['sign-in'],
      images: [{ name: 'samsyn', newName: 'samsyn', newTag: 'latest' }],
      patches: demoPatches.map(({ target, patch }) => ({ target, patch: dump(patch, { lineWidth: 140 }) })),
    });

  const signInPatches: Patch[] = [
    {
      target: { kind: 'ConfigMap', name: 'samsyn-config' },
      patch: Object.entries(demoJwtSettings()).map(([name, value]) => ({ op: 'add' as const, path: `/data/${name}`, value })),
    },
  ];
  files[`${DEMO_SIGN_IN_DIR}/keycloak.yaml`] =
    HEADER('Keycloak with the demo realm (scripts/src/sign-in.ts, invented people), as in docker-compose.yml.') + yaml(keycloak());
  files[`${DEMO_SIGN_IN_DIR}/oauth2-proxy.yaml`] =
    HEADER('oauth2-proxy in front of the gateway, as in docker-compose.yml; its Secret holds demo values.') + yaml(oauth2Proxy());
  files[`${DEMO_SIGN_IN_DIR}/network-policies.yaml`] = HEADER('Browsers reach Keycloak and oauth2-proxy.') + yaml(signInNetworkPolicies());
  files[`${DEMO_SIGN_IN_DIR}/kustomization.yaml`] =
    HEADER("The demo's sign-in; every service verifies the provider's tokens (JWT_* in samsyn-config).") +
    dump(
      {
        apiVersion: 'kustomize.config.k8s.io/v1alpha1',
        kind: 'Component',
        resources: ['keycloak.yaml', 'oauth2-proxy.yaml', 'network-policies.yaml'],
        patches: signInPatches.map(({ target, patch }) => ({ target, patch: dump(patch, { lineWidth: 140 }) })),
      },
      { lineWidth: 140 },
    );

  const productionPatches: Patch[] = [
    {
      target: { kind: 'ConfigMap', name: 'samsyn-config' },
      patch: [
        // The city's OpenID Connect provider: replace with its own (docs/operations.md, "Sign-in").
        { op: 'add', path: '/data/JWT_JWKS_URL', value: 'https://login.kommun.example/.well-known/jwks.json' },
        { op: 'add', path: '/data/JWT_ISSUER', value: 'https://login.kommun.example' },
        { op: 'add', path: '/data/JWT_AUDIENCE', value: 'samsyn-api' },
      ],
    },
  ];
  files['overlays/production/ingress.yaml'] = HEADER('The one way in: the gateway, over TLS.') + yaml([productionIngress()]);
  files['overlays/production/kustomization.yaml'] =
    HEADER('Managed PostgreSQL and Redis outside the cluster; every secret by reference, none here.') +
    kustomization({
      namespace: 'samsyn',
      resources: ['../../base', 'ingress.yaml'],
      images: [{ name: 'samsyn', newName: 'registry.kommun.example/samsyn', newTag: VERSION }],
      patches: productionPatches.map(({ target, patch }) => ({ target, patch: dump(patch, { lineWidth: 140 }) })),
    });

  files['components/prometheus-rules/kustomization.yaml'] =
    HEADER('Optional: the alert rules as a PrometheusRule (prometheus-operator); add it under `components:`.') +
    dump({ apiVersion: 'kustomize.config.k8s.io/v1alpha1', kind: 'Component', resources: ['prometheus-rule.yaml'] }, { lineWidth: 140 });
  files['components/prometheus-rules/prometheus-rule.yaml'] =
    HEADER('From deploy/prometheus/samsyn.rules.yml.') + yaml([prometheusRule(fs.readFileSync(PROMETHEUS_RULES_FILE, 'utf8'))]);
  return files;
}

/** prometheus-operator's PrometheusRule (its models package is ECMAScript-only: the test validates against it). */
interface IPrometheusRule {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PrometheusRule';
  metadata: { name: string; labels: Record<string, string> };
  spec: { groups: { name: string; rules: Record<string, unknown>[] }[] };
}

/** The alert rules (Prometheus' rule file format) as prometheus-operator's PrometheusRule. */
export function prometheusRule(rulesFile: string): IPrometheusRule {
  const { groups } = load(rulesFile) as IPrometheusRule['spec'];
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'samsyn', labels: PART_OF },
    spec: { groups },
  };
}

/** Writes deploy/kubernetes; returns the files it wrote or found unchanged. */
export function writeKubernetes(report: (file: string, changed: boolean) => void): void {
  for (const [file, content] of Object.entries(kubernetesFiles())) {
    const target = path.join(KUBERNETES_DIR, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const changed = !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content;
    if (changed) fs.writeFileSync(target, content);
    report(target, changed);
  }
}
