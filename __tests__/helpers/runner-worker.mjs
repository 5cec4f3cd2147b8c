// A stand-in for Runner.Worker: a long-lived process that runs each step of an emulated job as its own
// child, as the real runner does, so the sampler's root has the steps as direct children.
// Protocol (IPC): { id, file, args, env, cwd? } → spawns it with piped stdout/stderr and answers
// { id, pid, code, stdout, stderr, startedMs, endedMs } when it has closed.
import { spawn } from 'node:child_process';

process.on('message', (m) => {
  const startedMs = Date.now();
  const child = spawn(m.file, m.args, { env: m.env, cwd: m.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d.toString()));
  child.stderr.on('data', (d) => (stderr += d.toString()));
  child.on('error', (e) => process.send({ id: m.id, pid: -1, code: -1, stdout, stderr: String(e), startedMs, endedMs: Date.now() }));
  child.on('close', (code) => process.send({ id: m.id, pid: child.pid, code: code ?? -1, stdout, stderr, startedMs, endedMs: Date.now() }));
});
process.on('disconnect', () => process.exit(0));
