import fs from 'node:fs';
import path from 'node:path';
import { applyPatch, type Operation } from 'fast-json-patch';
import { loadAll } from 'js-yaml';

/** A Kubernetes object as rendered (only what the renderer reads is typed). */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Kustomization {
  resources?: string[];
  components?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { target: { kind: string; name: string }; patch: string }[];
}

/** Kinds that live outside a namespace (of those Samsyn's manifests could name). */
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass', 'PriorityClass']);

/**
 * The subset of kustomize that deploy/kubernetes uses: `resources` (files and directories), `components`,
 * `namespace`, `images` and JSON 6902 `patches` with a kind/name target. Anything else in a kustomization is
 * refused, so that the generator cannot start using a feature this renderer silently ignores. Where `kubectl`
 * exists the test also renders with `kubectl kustomize` and expects the same objects.
 */
export function renderKustomization(dir: string): KubernetesObject[] {
  const file = path.join(dir, 'kustomization.yaml');
  const kustomization = loadAll(fs.readFileSync(file, 'utf8'))[0] as Kustomization & { apiVersion: string; kind: string };
  const known = new Set(['apiVersion', 'kind', 'resources', 'components', 'namespace', 'images', 'patches']);
  const unknown = Object.keys(kustomization).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`${file}: the test's renderer does not know ${unknown.join(', ')}`);

  let objects: KubernetesObject[] = [];
  for (const resource of kustomization.resources ?? []) {
    const target = path.join(dir, resource);
    if (fs.statSync(target).isDirectory()) objects.push(...renderKustomization(target));
    else objects.push(...(loadAll(fs.readFileSync(target, 'utf8')).filter(Boolean) as KubernetesObject[]));
  }
  // A component adds its resources and patches to what its user has so far.
  for (const component of kustomization.components ?? []) {
    const componentDir = path.join(dir, component);
    const spec = loadAll(fs.readFileSync(path.join(componentDir, 'kustomization.yaml'), 'utf8'))[0] as Kustomization;
    for (const resource of spec.resources ?? []) {
      objects.push(...(loadAll(fs.readFileSync(path.join(componentDir, resource), 'utf8')).filter(Boolean) as KubernetesObject[]));
    }
    objects = patched(objects, spec.patches ?? []);
  }
  objects = patched(objects, kustomization.patches ?? []);
  for (const object of objects) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    for (const image of kustomization.images ?? []) renameImages(object, image);
  }
  return objects;
}

function patched(objects: KubernetesObject[], patches: NonNullable<Kustomization['patches']>): KubernetesObject[] {
  for (const { target, patch } of patches) {
    const operations = loadAll(patch)[0] as Operation[];
    const matches = objects.filter((object) => object.kind === target.kind && object.metadata.name === target.name);
    if (matches.length === 0) throw new Error(`patch target ${target.kind}/${target.name} matches no object`);
    for (const object of matches) applyPatch(object, operations, true, true);
  }
  return objects;
}

/** `images`: a container whose image is `name` (with or without a tag) gets the new name and tag. */
function renameImages(object: KubernetesObject, image: NonNullable<Kustomization['images']>[number]): void {
  const podSpec = (object.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template?.spec;
  if (!podSpec) return;
  for (const list of ['initContainers', 'containers']) {
    for (const container of (podSpec[list] as { image: string }[] | undefined) ?? []) {
      const [name, tag] = container.image.split(':');
      if (name !== image.name) continue;
      const newTag = image.newTag ?? tag;
      container.image = `${image.newName ?? name}${newTag ? `:${newTag}` : ''}`;
    }
  }
}
