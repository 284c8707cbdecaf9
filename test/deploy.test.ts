import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load, loadAll } from 'js-yaml';
import { SUBGRAPHS } from '@samsyn/core';
import { DEMO_PEOPLE, demoJwtSettings, kubernetesFiles, KUBERNETES_DIR, SIGN_IN, SIGN_IN_IMAGES } from '@samsyn/scripts';
import { renderKustomization, type KubernetesObject } from './deploy/kustomize';

const ROOT = path.resolve(__dirname, '..');
const OVERLAYS = ['demo', 'production'] as const;
const SERVICES = [...SUBGRAPHS, 'gateway'];
const SCALED = ['gateway', ...SUBGRAPHS.filter((name) => name !== 'organisation')];

/** Whether a command runs here (kubectl, docker-compose are not on every machine). */
function installed(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

const key = (object: KubernetesObject) => `${object.kind}/${object.metadata.name}`;
const sorted = (objects: KubernetesObject[]) => [...objects].sort((a, b) => key(a).localeCompare(key(b)));
const rendered = Object.fromEntries(
  OVERLAYS.map((overlay) => [overlay, renderKustomization(path.join(KUBERNETES_DIR, 'overlays', overlay))]),
);
const byKind = (objects: KubernetesObject[], kind: string) => objects.filter((object) => object.kind === kind);
const counts = (objects: KubernetesObject[]) =>
  Object.fromEntries([...new Set(objects.map((o) => o.kind))].sort().map((kind) => [kind, byKind(objects, kind).length]));

interface Container {
  name: string;
  image: string;
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
const podSpec = (object: KubernetesObject) =>
  (object.spec as { template: { spec: { containers: Container[]; initContainers?: Container[] } } }).template.spec;
const mebibytes = (quantity: string) => Number(/^(\d+)Mi$/.exec(quantity)?.[1] ?? Number(/^(\d+)Gi$/.exec(quantity)?.[1]) * 1024);

/** Validates one object against the Kubernetes API's schema for its apiVersion and kind (kubernetes-models). */
function schemaErrors(object: KubernetesObject): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the model module is chosen by the object's kind
    const models = require(`kubernetes-models/${object.apiVersion}/${object.kind}`) as Record<
      string,
      new (data: unknown) => { validate(): void }
    >;
    const Model = models[object.kind];
    if (!Model) return `${key(object)}: no schema for ${object.apiVersion} ${object.kind}`;
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return `${key(object)}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

describe('deploy/kubernetes', () => {
  it('is what `npm run compose` writes from the list of subgraphs (run it after adding an area)', () => {
    for (const [file, content] of Object.entries(kubernetesFiles())) {
      const committed = fs.readFileSync(path.join(KUBERNETES_DIR, file), 'utf8');
      expect({ file, content: committed }).toEqual({ file, content });
    }
  });

  it.each(OVERLAYS)('renders the %s overlay into objects that each validate against the Kubernetes API schema', (overlay) => {
    const objects = rendered[overlay];
    expect(objects.map(schemaErrors).filter(Boolean)).toEqual([]);
    // The demo adds PostgreSQL, Redis (Deployment), Keycloak and oauth2-proxy, with their Services, Secrets, the
    // realm's ConfigMap and the sign-in's two NetworkPolicies.
    const demo = overlay === 'demo';
    expect(counts(objects)).toEqual({
      ConfigMap: demo ? 2 : 1,
      Deployment: SERVICES.length + (demo ? 3 : 0),
      HorizontalPodAutoscaler: SCALED.length,
      ...(demo ? {} : { Ingress: 1 }),
      Job: 1,
      NetworkPolicy: demo ? 6 : 4,
      PodDisruptionBudget: SERVICES.length,
      ...(demo ? { Secret: 4, StatefulSet: 1 } : {}),
      Service: SERVICES.length + (demo ? 4 : 0),
    });
  });

  const kubectl = installed('kubectl', ['version', '--client']);
  (kubectl ? it.each(OVERLAYS) : it.skip.each(OVERLAYS))('renders %s the same as `kubectl kustomize` does', (overlay) => {
    const output = execFileSync('kubectl', ['kustomize', path.join(KUBERNETES_DIR, 'overlays', overlay)], { encoding: 'utf8' });
    expect(sorted(loadAll(output) as KubernetesObject[])).toEqual(sorted(rendered[overlay]));
  });
  if (!kubectl) console.log('deploy.test: kubectl is not installed here: rendered with the test renderer only');

  it('gives every subgraph probes on /ready and /health, the gateway on /health, memory within the 1 GiB target, and its own Service', () => {
    for (const overlay of OVERLAYS) {
      const objects = rendered[overlay];
      for (const name of SERVICES) {
        const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name);
        const [container] = podSpec(deployment!).containers;
        // The gateway serves while a subgraph is down: its readiness is its own (see scripts/src/kubernetes.ts).
        expect({ name, ready: container.readinessProbe?.httpGet?.path, live: container.livenessProbe?.httpGet?.path }).toEqual({
          name,
          ready: name === 'gateway' ? '/health' : '/ready',
          live: '/health',
        });
        expect(mebibytes(container.resources!.limits!.memory)).toBeLessThanOrEqual(1024);
        expect(mebibytes(container.resources!.requests!.memory)).toBeLessThanOrEqual(mebibytes(container.resources!.limits!.memory));
        expect(objects.some((o) => o.kind === 'Service' && o.metadata.name === name)).toBe(true);
        expect(objects.some((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === name)).toBe(true);
      }
    }
  });

  it('never migrates on a service start: the migration Job does, and production loads no demo data', () => {
    const production = rendered.production;
    const config = byKind(production, 'ConfigMap')[0] as KubernetesObject & { data: Record<string, string> };
    expect({ MIGRATE_ON_START: config.data.MIGRATE_ON_START, SEED_DEMO_DATA: config.data.SEED_DEMO_DATA }).toEqual({
      MIGRATE_ON_START: 'false',
      SEED_DEMO_DATA: 'false',
    });
    const [job] = byKind(production, 'Job');
    expect(podSpec(job).containers[0].image).toMatch(/^registry\.kommun\.example\/samsyn:\d+\.\d+\.\d+$/);
    // Every subgraph waits for it rather than racing its replicas at the schema.
    for (const name of SUBGRAPHS) {
      const deployment = production.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!;
      expect(podSpec(deployment).initContainers?.[0].env?.find((e) => e.name === 'DATABASE_URL')).toBeDefined();
    }
    const demoJob = byKind(rendered.demo, 'Job')[0];
    expect(podSpec(demoJob).containers[0].env).toContainEqual({ name: 'SEED_DEMO_DATA', value: 'true' });
  });

  it('holds no secret value in production: every secret is a reference, and PostgreSQL and Redis are outside', () => {
    const production = rendered.production;
    expect(byKind(production, 'Secret')).toEqual([]);
    expect(production.filter((o) => ['StatefulSet'].includes(o.kind) || ['postgres', 'redis'].includes(o.metadata.name))).toEqual([]);
    const secretNames = ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN', 'CACHE_MAC_KEY', 'WEBHOOK_SECRET_KEY'];
    const literal = byKind(production, 'Deployment')
      .flatMap((d) => [...podSpec(d).containers, ...(podSpec(d).initContainers ?? [])])
      .flatMap((c) => c.env ?? [])
      .filter((e) => secretNames.includes(e.name) && !e.valueFrom?.secretKeyRef);
    expect(literal).toEqual([]);
    const config = byKind(production, 'ConfigMap')[0] as KubernetesObject & { data: Record<string, string> };
    expect(Object.keys(config.data).filter((name) => secretNames.includes(name))).toEqual([]);
  });

  it('lets only the gateway be reached from outside, subgraphs only from the gateway, stores only from the services', () => {
    type Peer = { podSelector?: { matchLabels?: Record<string, string> }; namespaceSelector?: unknown };
    type Policy = KubernetesObject & {
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: Peer[] }[] };
    };
    const policies = byKind(rendered.production, 'NetworkPolicy') as Policy[];
    // A default deny for every pod of the namespace, then one opening per role.
    expect(policies.find((p) => p.metadata.name === 'default-deny-ingress')?.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const open = policies.filter((p) => p.spec.ingress?.some((rule) => !rule.from));
    expect(open.map((p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'])).toEqual(['gateway']);
    const subgraphs = policies.find((p) => p.metadata.name === 'subgraphs-from-gateway')!;
    const peers = subgraphs.spec.ingress!.flatMap((rule) => rule.from ?? []);
    expect(peers.filter((peer) => peer.podSelector).map((peer) => peer.podSelector!.matchLabels)).toEqual([
      { 'app.kubernetes.io/name': 'gateway', 'app.kubernetes.io/part-of': 'samsyn' },
    ]);
    // The demo's PostgreSQL and Redis carry the labels the stores' policy selects.
    const stores = rendered.demo.filter((o) => ['postgres', 'redis'].includes(o.metadata.name) && o.kind !== 'Service');
    expect(
      stores.map(
        (o) =>
          (o.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels[
            'app.kubernetes.io/component'
          ],
      ),
    ).toEqual(['database', 'cache']);
  });

  describe('the demo sign-in (as under docker compose)', () => {
    const demo = rendered.demo;
    const find = (objects: KubernetesObject[], kind: string, name: string) =>
      objects.find((o) => o.kind === kind && o.metadata.name === name);
    type Policy = KubernetesObject & {
      spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { from?: unknown[]; ports?: { port: number }[] }[] };
    };
    /** The ports a policy opens to every peer, for the pods whose labels it selects. */
    const openPorts = (objects: KubernetesObject[], labels: Record<string, string>) =>
      (byKind(objects, 'NetworkPolicy') as Policy[])
        .filter((p) => Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v))
        .filter((p) => p.spec.podSelector.matchLabels)
        .flatMap((p) => p.spec.ingress ?? [])
        .filter((rule) => !rule.from)
        .flatMap((rule) => (rule.ports ?? []).map((port) => port.port));
    const podLabels = (object: KubernetesObject) =>
      (object.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;

    it('runs Keycloak importing the realm with the four demo people, ready on /health/ready', () => {
      const realm = find(demo, 'ConfigMap', 'keycloak-realm') as KubernetesObject & { data: Record<string, string> };
      const imported = JSON.parse(realm.data['samsyn-realm.json']) as {
        realm: string;
        users: { username: string; clientRoles: Record<string, string[]> }[];
      };
      expect(imported.realm).toBe(SIGN_IN.realm);
      expect(imported.users.map((user) => [user.username, user.clientRoles[SIGN_IN.clientId]])).toEqual(
        DEMO_PEOPLE.map((person) => [person.username, [person.role]]),
      );
      // The same realm as docker-compose.yml imports.
      expect(realm.data['samsyn-realm.json']).toBe(fs.readFileSync(path.join(ROOT, 'deploy/keycloak/samsyn-realm.json'), 'utf8'));

      const keycloak = find(demo, 'Deployment', 'keycloak')!;
      const spec = podSpec(keycloak) as ReturnType<typeof podSpec> & {
        volumes: { name: string; configMap?: { name: string } }[];
        containers: (Container & {
          args: string[];
          volumeMounts: { name: string; mountPath: string }[];
          readinessProbe: { httpGet: { path: string; port: string } };
          ports: { name: string; containerPort: number }[];
        })[];
      };
      const [container] = spec.containers;
      expect(container.image).toBe(SIGN_IN_IMAGES.keycloak);
      expect(container.args).toEqual(['start-dev', '--import-realm']);
      expect(Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]))).toEqual({
        KC_HOSTNAME: 'http://localhost:8080',
        KC_HOSTNAME_BACKCHANNEL_DYNAMIC: 'true',
        KC_HEALTH_ENABLED: 'true',
      });
      const mount = container.volumeMounts.find((m) => m.mountPath === '/opt/keycloak/data/import')!;
      expect(spec.volumes.find((v) => v.name === mount.name)?.configMap?.name).toBe('keycloak-realm');
      const management = container.ports.find((p) => p.name === container.readinessProbe.httpGet.port);
      expect({ path: container.readinessProbe.httpGet.path, port: management?.containerPort }).toEqual({
        path: '/health/ready',
        port: 9000,
      });
      expect(container.resources).toEqual({ requests: { cpu: '250m', memory: '512Mi' }, limits: { memory: '1Gi' } });
      expect(find(demo, 'Service', 'keycloak')?.spec).toMatchObject({ ports: [{ port: 8080 }] });
    });

    it('puts oauth2-proxy in front of the gateway with the settings of docker-compose.yml, its secrets by reference', () => {
      const proxy = find(demo, 'Deployment', 'oauth2-proxy')!;
      const [container] = podSpec(proxy).containers;
      expect(container.image).toBe(SIGN_IN_IMAGES.oauth2Proxy);
      expect(container.readinessProbe?.httpGet?.path).toBe('/ping');
      const env = container.env ?? [];
      const compose = load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
        services: Record<string, { environment: Record<string, string> }>;
      };
      const secrets = ['OAUTH2_PROXY_CLIENT_SECRET', 'OAUTH2_PROXY_COOKIE_SECRET'];
      const composeSettings = Object.entries(compose.services['oauth2-proxy'].environment).filter(([name]) => !secrets.includes(name));
      expect(Object.fromEntries(env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]))).toEqual(
        Object.fromEntries(composeSettings),
      );
      expect(env.filter((e) => secrets.includes(e.name)).map((e) => [e.name, e.valueFrom?.secretKeyRef?.name])).toEqual([
        ['OAUTH2_PROXY_CLIENT_SECRET', 'oauth2-proxy'],
        ['OAUTH2_PROXY_COOKIE_SECRET', 'oauth2-proxy'],
      ]);
      // oauth2-proxy accepts a cookie secret of 16, 24 or 32 bytes only.
      const secret = find(demo, 'Secret', 'oauth2-proxy') as KubernetesObject & { stringData: Record<string, string> };
      expect([16, 24, 32]).toContain(Buffer.byteLength(secret.stringData['cookie-secret']));
      expect(secret.stringData['client-secret']).toBe(SIGN_IN.clientSecret);
      expect(compose.services['oauth2-proxy'].environment.OAUTH2_PROXY_UPSTREAMS).toBe('http://gateway:4000/');
    });

    it('lets every service verify the provider’s tokens, and browsers, the proxy and the services reach what they need', () => {
      const config = find(demo, 'ConfigMap', 'samsyn-config') as KubernetesObject & { data: Record<string, string> };
      expect({
        JWT_JWKS_URL: config.data.JWT_JWKS_URL,
        JWT_ISSUER: config.data.JWT_ISSUER,
        JWT_AUDIENCE: config.data.JWT_AUDIENCE,
      }).toEqual({
        JWT_JWKS_URL: 'http://keycloak:8080/realms/samsyn/protocol/openid-connect/certs',
        JWT_ISSUER: 'http://localhost:8080/realms/samsyn',
        JWT_AUDIENCE: 'samsyn',
      });
      // As docker-compose.yml sets them for every service (its shared `x-service` environment).
      const compose = load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as {
        'x-service': { environment: Record<string, string> };
      };
      const { environment } = compose['x-service'];
      expect(demoJwtSettings()).toEqual({
        JWT_JWKS_URL: environment.JWT_JWKS_URL,
        JWT_ISSUER: environment.JWT_ISSUER,
        JWT_AUDIENCE: environment.JWT_AUDIENCE,
      });
      // Browsers (and the services, for the keys) reach Keycloak; browsers reach the proxy; the proxy reaches the gateway.
      expect(openPorts(demo, podLabels(find(demo, 'Deployment', 'keycloak')!))).toEqual([8080]);
      expect(openPorts(demo, podLabels(find(demo, 'Deployment', 'oauth2-proxy')!))).toEqual([4180]);
      expect(openPorts(demo, podLabels(find(demo, 'Deployment', 'gateway')!))).toEqual([4000]);
    });

    it('is the demo’s only: production renders no provider, no proxy, no realm and the city’s JWT_* settings', () => {
      const production = rendered.production;
      const names = production.map((o) => o.metadata.name);
      expect(names.filter((name) => /keycloak|oauth2-proxy/.test(name))).toEqual([]);
      expect(byKind(production, 'ConfigMap').map((o) => o.metadata.name)).toEqual(['samsyn-config']);
      const config = byKind(production, 'ConfigMap')[0] as KubernetesObject & { data: Record<string, string> };
      expect(config.data.JWT_ISSUER).toBe('https://login.kommun.example');
      expect(JSON.stringify(production)).not.toMatch(/keycloak|oauth2|localhost/);
    });
  });

  it('validates the optional PrometheusRule component against prometheus-operator’s schema', () => {
    const [rule] = renderKustomizationComponent();
    // The models package is ECMAScript-only: validated in a child process.
    const script = `import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
      let input = ''; for await (const chunk of process.stdin) input += chunk;
      new PrometheusRule(JSON.parse(input)).validate();`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      input: JSON.stringify(rule),
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
    expect((rule.spec as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
  });
});

function renderKustomizationComponent(): KubernetesObject[] {
  const dir = path.join(KUBERNETES_DIR, 'components', 'prometheus-rules');
  return loadAll(fs.readFileSync(path.join(dir, 'prometheus-rule.yaml'), 'utf8')) as KubernetesObject[];
}

describe('docker-compose.yml', () => {
  const compose = installed('docker-compose', ['version']);
  if (!compose) console.log('deploy.test: docker-compose is not installed here (apt-get install docker-compose): not validated');
  (compose ? it : it.skip)('is a valid compose file (`docker-compose config`)', () => {
    const result = spawnSync('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '--quiet'], {
      encoding: 'utf8',
      // The one variable compose requires (oauth2-proxy's cookie secret).
      env: { ...process.env, JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters', OAUTH2_PROXY_COOKIE_SECRET: 'x'.repeat(32) },
    });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
