// Is the sampler running inside a container (a `container:` job, a self-hosted runner in
// Docker/Podman/Kubernetes)? Cheap file checks only; every hit is kept as evidence for the report.

import fs from 'node:fs';
import path from 'node:path';

export interface ContainerInfo {
  detected: boolean;
  evidence: string[];
}

/** cgroup paths written by container runtimes (cgroup v1 lines, or v2 without a cgroup namespace). */
const RUNTIME_CGROUP = /\/(docker|kubepods|containerd|libpod|lxc|crio|cri-containerd|buildkit)[/.:-]/;

function read(p: string): string | undefined {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Looks under `rootDir` (normally "/") for /.dockerenv, /run/.containerenv, runtime names in
 * /proc/1/cgroup and /proc/self/cgroup, and an overlay root filesystem in /proc/self/mountinfo;
 * and at the `container` env var set by podman and systemd-nspawn.
 */
export function detectContainer(rootDir = '/', env: NodeJS.ProcessEnv = {}): ContainerInfo {
  const evidence: string[] = [];
  const at = (p: string) => path.join(rootDir, p);
  if (fs.existsSync(at('.dockerenv'))) evidence.push('/.dockerenv exists (Docker)');
  if (fs.existsSync(at('run/.containerenv'))) evidence.push('/run/.containerenv exists (Podman)');
  for (const file of ['proc/1/cgroup', 'proc/self/cgroup']) {
    const text = read(at(file));
    const line = text?.split('\n').find((l) => RUNTIME_CGROUP.test(l.split(':').slice(2).join(':') + '/'));
    if (line) evidence.push(`/${file} names a container runtime: ${line.trim().slice(0, 120)}`);
  }
  const mountinfo = read(at('proc/self/mountinfo'));
  if (mountinfo) {
    for (const line of mountinfo.split('\n')) {
      const [left, right] = line.split(' - ');
      const fields = left?.split(' ') ?? [];
      if (fields[4] === '/' && right?.split(' ')[0] === 'overlay') {
        evidence.push('the root filesystem is an overlay mount (/proc/self/mountinfo)');
        break;
      }
    }
  }
  if (env.container) evidence.push(`container=${env.container.slice(0, 40)} in the environment`);
  if (env.KUBERNETES_SERVICE_HOST) evidence.push('KUBERNETES_SERVICE_HOST is set (Kubernetes pod)');
  return { detected: evidence.length > 0, evidence };
}

/** A short paragraph for the report: what the sampler can and cannot see in a container. */
export function containerReportText(info: ContainerInfo): string {
  if (!info.detected) return '';
  return [
    `Running inside a container (${info.evidence.join('; ')}).`,
    'The sampler sees the processes of the container only: the job\'s process tree is measured, but',
    'processes of the host and of other containers are invisible, so they are not in the tree and not',
    'reported as escaped. /proc/stat and /proc/meminfo describe the whole host (its CPUs and memory, not',
    'the container\'s cgroup limits), so the machine-level utilisation and the "not the job" remainder',
    'include other containers\' load. RAPL counters, if exposed, are host-wide too; GPUs are seen only',
    'when the runtime passes them through (e.g. --gpus) with nvidia-smi inside the image.',
  ].join(' ');
}
