import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadAll } from 'js-yaml';
import { SUBGRAPHS } from '@samsyn/core';
import { DEMO_SIGN_IN_DIR, kubernetesFiles, KUBERNETES_DIR } from '@samsyn/scripts';
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
    // The demo's sign-in is written by hand: it must exist, since the demo overlay names it.
    expect(fs.existsSync(path.join(KUBERNETES_DIR, DEMO_SIGN_IN_DIR, 'kustomization.yaml'))).toBe(true);
  });

  it.each(OVERLAYS)('renders the %s overlay into objects that each validate against the Kubernetes API schema', (overlay) => {
    const objects = rendered[overlay];
    expect(objects.map(schemaErrors).filter(Boolean)).toEqual([]);
    expect(counts(objects)).toEqual({
      ConfigMap: 1,
      Deployment: SERVICES.length + (overlay === 'demo' ? 1 : 0),
      HorizontalPodAutoscaler: SCALED.length,
      ...(overlay === 'production' ? { Ingress: 1 } : {}),
      Job: 1,
      NetworkPolicy: 4,
      PodDisruptionBudget: SERVICES.length,
      ...(overlay === 'demo' ? { Secret: 3, StatefulSet: 1 } : {}),
      Service: SERVICES.length + (overlay === 'demo' ? 2 : 0),
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
      env: { ...process.env, JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters' },
    });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
