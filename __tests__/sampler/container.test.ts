import { describe, expect, test } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { containerReportText, detectContainer } from '../../src/sampler/container.js';

function fakeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-root-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

// A hosted runner VM (cgroup v2, ext4 root), as described in the field guide.
const hostCgroup = '0::/system.slice/hosted-compute-agent.service\n';
const extRoot = '27 1 254:0 / / rw,relatime - ext4 /dev/root rw,discard\n28 27 0:5 / /dev rw,nosuid - devtmpfs udev rw\n';
// Docker on cgroup v1, overlay root (docker run … inside a self-hosted runner)
const dockerV1 = '12:memory:/docker/3f1c9a7e2b4d\n11:cpu,cpuacct:/docker/3f1c9a7e2b4d\n1:name=systemd:/docker/3f1c9a7e2b4d\n';
const overlayRoot =
  '611 529 0:52 / / rw,relatime master:286 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF,upperdir=/var/lib/docker/overlay2/x/diff,workdir=/var/lib/docker/overlay2/x/work\n';

describe('container detection', () => {
  test('a plain VM: nothing detected, no report text', () => {
    const info = detectContainer(fakeRoot({ 'proc/1/cgroup': '0::/init.scope\n', 'proc/self/cgroup': hostCgroup, 'proc/self/mountinfo': extRoot }));
    expect(info).toEqual({ detected: false, evidence: [] });
    expect(containerReportText(info)).toBe('');
  });

  test('Docker: /.dockerenv, runtime cgroups and an overlay root are all evidence', () => {
    const info = detectContainer(
      fakeRoot({ '.dockerenv': '', 'proc/1/cgroup': dockerV1, 'proc/self/cgroup': dockerV1, 'proc/self/mountinfo': overlayRoot }),
    );
    expect(info.detected).toBe(true);
    expect(info.evidence).toEqual([
      '/.dockerenv exists (Docker)',
      '/proc/1/cgroup names a container runtime: 12:memory:/docker/3f1c9a7e2b4d',
      '/proc/self/cgroup names a container runtime: 12:memory:/docker/3f1c9a7e2b4d',
      'the root filesystem is an overlay mount (/proc/self/mountinfo)',
    ]);
  });

  test('Podman and Kubernetes, cgroup v2 without a cgroup namespace', () => {
    const podman = detectContainer(fakeRoot({ 'run/.containerenv': 'engine="podman-4.9.3"\n', 'proc/self/cgroup': '0::/\n' }), { container: 'podman' });
    expect(podman.evidence).toEqual(['/run/.containerenv exists (Podman)', 'container=podman in the environment']);
    const k8s = detectContainer(fakeRoot({ 'proc/1/cgroup': '0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1234.slice/cri-containerd-abcd.scope\n' }), {
      KUBERNETES_SERVICE_HOST: '10.0.0.1',
    });
    expect(k8s.detected).toBe(true);
    expect(k8s.evidence[0]).toMatch(/^\/proc\/1\/cgroup names a container runtime: 0::\/kubepods\.slice/);
    expect(k8s.evidence[1]).toBe('KUBERNETES_SERVICE_HOST is set (Kubernetes pod)');
  });

  test('a systemd docker scope on cgroup v2 is recognised; an unrelated slice is not', () => {
    expect(detectContainer(fakeRoot({ 'proc/self/cgroup': '0::/system.slice/docker-3f1c9a7e2b4d.scope\n' })).detected).toBe(true);
    expect(detectContainer(fakeRoot({ 'proc/self/cgroup': '4:memory:/process_api/5a827b86\n0::/\n' })).detected).toBe(false);
  });

  test('the report text names the evidence and what cannot be seen', () => {
    const text = containerReportText({ detected: true, evidence: ['/.dockerenv exists (Docker)'] });
    expect(text).toMatch(/^Running inside a container \(\/\.dockerenv exists \(Docker\)\)\./);
    expect(text).toMatch(/whole host/);
    expect(text).toMatch(/processes of the host and of other containers are invisible/);
  });

  test('on this machine the answer agrees with the files present', () => {
    const info = detectContainer('/', process.env);
    if (fs.existsSync('/.dockerenv')) expect(info.evidence).toContain('/.dockerenv exists (Docker)');
    else expect(info.evidence).not.toContain('/.dockerenv exists (Docker)');
  });
});
