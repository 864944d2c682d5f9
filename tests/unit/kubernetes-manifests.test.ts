/**
 * The Kubernetes manifests (deploy/kubernetes) against the Kubernetes API's own JSON schemas
 * (kubernetes-models validates each object as the API server would), plus what this project
 * promises of them: web replicas ≥ 2, probes on /api/health, secrets only from the Secret,
 * non-root with a read-only root filesystem, requests and limits on every container.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../deploy/kubernetes');

type TObject = { apiVersion: string; kind: string; metadata: { name: string }; spec?: unknown };
type TModel = { validate: () => void };
const MODELS: Record<string, new (data: never) => TModel> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

const load = (file: string): TObject[] =>
  parseAllDocuments(readFileSync(path.join(DIR, file), 'utf8')).map((doc) => doc.toJS() as TObject);
const kustomization = load('kustomization.yaml')[0] as unknown as { resources: string[] };
const manifests = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
const objects = manifests.flatMap(load);
const byName = <T>(kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name) as unknown as T;

describe('Kubernetes manifests', () => {
  it('lists every manifest but the example Secret in the kustomization', () => {
    expect([...kustomization.resources].sort()).toEqual(
      manifests.filter((f) => !f.includes('example')).sort(),
    );
  });

  it.each(manifests)('%s validates against the Kubernetes schemas', (file) => {
    for (const object of load(file)) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${object.apiVersion}/${object.kind} has a schema`).toBeDefined();
      expect(() => new Model!(object as never).validate()).not.toThrow();
    }
  });

  it('catches an invalid manifest (the validator is not a no-op)', () => {
    const broken = structuredClone(byName<Deployment>('Deployment', 'meldpost-web')) as unknown as Record<
      string,
      unknown
    >;
    (broken.spec as Record<string, unknown>).replicas = 'twee';
    expect(() => new Deployment(broken as never).validate()).toThrow();
  });

  it('runs web twice, a worker, and migrations as a Job, each hardened and sized', () => {
    const web = byName<Deployment>('Deployment', 'meldpost-web');
    const worker = byName<Deployment>('Deployment', 'meldpost-worker');
    const migrate = byName<Job>('Job', 'meldpost-migrate');
    expect(web.spec!.replicas).toBeGreaterThanOrEqual(2);
    expect(worker.spec!.replicas).toBeGreaterThanOrEqual(1);
    const webContainer = web.spec!.template.spec!.containers[0]!;
    expect(webContainer.readinessProbe?.httpGet?.path).toBe('/api/health');
    expect(webContainer.startupProbe?.httpGet?.path).toBe('/api/health');
    for (const [role, podSpec] of [
      ['web', web.spec!.template.spec!],
      ['worker', worker.spec!.template.spec!],
      ['migrate', migrate.spec!.template.spec!],
    ] as const) {
      const container = podSpec.containers[0]!;
      expect(container.args, role).toEqual([role]);
      expect(podSpec.securityContext?.runAsNonRoot, role).toBe(true);
      expect(container.securityContext?.readOnlyRootFilesystem, role).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation, role).toBe(false);
      expect(container.resources?.requests?.memory, role).toBeDefined();
      expect(container.resources?.limits?.memory, role).toBeDefined();
      expect(container.envFrom?.map((source) => source.secretRef?.name).filter(Boolean), role).toEqual([
        'meldpost',
      ]);
      // No secret value written into a manifest: keys and passwords come from the Secret only.
      expect(JSON.stringify(container.env ?? []), role).not.toMatch(/KEY|SECRET|PASSWORD|DATABASE_URL/);
    }
  });
});
