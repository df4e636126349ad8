/**
 * What a durable engine built on bpmn-engine can reach at best (not a test): raw bpmn-engine on the
 * reference process, and the same process with the steps a durable engine cannot avoid, each as a
 * ratio against raw run in the same process:
 *  - asyncSteps: service tasks and the user task are called back on a later turn, not at once
 *  - snapshots: plus a getState() + JSON.stringify at every wait (what is written to the database)
 *  - snapshotsTrackedOnly: the same with bpmn-elements' disableTrackState (idle elements left out)
 *  - resumeAtTask: plus, at the user task, a new engine recovered from the snapshot and resumed
 *    (what completing a task costs when its instance is no longer in memory)
 * No database, no FEEL beyond the gateway condition. Usage: npm run bench:engine-ceiling [-- --json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import { loadDefinition } from '../engine/embedded/definition.ts';
import { evaluateFeel, isFeel } from '../engine/embedded/feel.ts';
import type { Variables } from '../engine/port.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const xml = readFileSync(path.join(here, '..', 'test', 'engine', 'fixtures', 'reference.bpmn'), 'utf8');
const definition = await loadDefinition(xml);
const N = process.argv.includes('--quick') ? 300 : 1000;

interface Mode {
  async: boolean;
  snapshot: boolean;
  disableTrackState: boolean;
  resumeAtTask: boolean;
}

// bpmn-engine's element API is untyped; `any` keeps this measurement short.
async function perSec(n: number, mode: Mode): Promise<number> {
  const expressions = {
    resolveExpression: (expr: unknown, ctx?: { environment?: { variables?: Variables } }) =>
      isFeel(expr) ? evaluateFeel(expr.slice(1), ctx?.environment?.variables ?? {}) : expr,
  };
  const scripts = {
    register() {},
    getScript(_language: string, flow: any) {
      const body: string = flow.behaviour.conditionExpression?.body ?? '=true';
      return { execute: (scope: any, cb: (e: Error | null, v?: unknown) => void) => cb(null, evaluateFeel(body.slice(1), scope.environment.variables)) };
    },
  };
  let current: any;
  const snapshot = () => {
    const ex = current.execution;
    return JSON.stringify({ state: ex.state, stopped: ex.stopped, environment: ex.environment.getState(), definitions: ex.definitions.map((d: any) => d.getState()) });
  };
  const later = (fn: () => void) => {
    if (!mode.async) return fn();
    setImmediate(() => {
      if (mode.snapshot) snapshot();
      fn();
    });
  };
  const extension = (activity: any) => {
    if (activity.type !== 'bpmn:ServiceTask') return;
    activity.behaviour.Service = function Later() {
      return { execute: (_m: unknown, cb: (e: Error | null, out?: unknown) => void) => later(() => cb(null, {})) };
    };
  };
  const newEngine = () =>
    new (Engine as any)({
      sourceContext: definition.sourceContext,
      expressions,
      scripts,
      extensions: { zeebe: extension },
      timers: new (elements as any).Timers({}),
      settings: mode.disableTrackState ? { disableTrackState: true } : {},
      Logger: () => ({ debug() {}, error() {}, warn() {} }),
    });
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      let resumed = false;
      const listener = {
        emit(name: string, api: any) {
          if (name !== 'activity.wait' || api.type !== 'bpmn:UserTask') return;
          if (mode.resumeAtTask && !resumed) {
            resumed = true;
            setImmediate(() => {
              const state = JSON.parse(snapshot());
              current = newEngine();
              current.once('end', () => resolve());
              current.recover(state);
              current.resume({ listener });
            });
            return;
          }
          later(() => api.signal({}));
        },
      };
      current = newEngine();
      current.once('end', () => resolve());
      current.once('error', () => reject(new Error('run failed')));
      current.execute({ listener, variables: { amount: 6000, channel: 'web', requester: 'alice', score: 1 } }).catch(reject);
    });
  for (let i = 0; i < 20; i++) await runOne();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await runOne();
  return (n * 1000) / (performance.now() - t0);
}

const raw: Mode = { async: false, snapshot: false, disableTrackState: false, resumeAtTask: false };
const before = await perSec(N, raw);
const asyncSteps = await perSec(N, { ...raw, async: true });
const snapshots = await perSec(N, { ...raw, async: true, snapshot: true });
const tracked = await perSec(N, { ...raw, async: true, snapshot: true, disableTrackState: true });
const resume = await perSec(N, { ...raw, async: true, snapshot: true, disableTrackState: true, resumeAtTask: true });
const after = await perSec(N, raw);
const base = (before + after) / 2;
const r = (x: number) => Number((x / base).toFixed(2));
const result = { rawPerSec: Number(base.toFixed(1)), asyncSteps: r(asyncSteps), snapshots: r(snapshots), snapshotsTrackedOnly: r(tracked), resumeAtTask: r(resume), instances: N };
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
else process.stdout.write(`engine ceiling (ratios against raw ${result.rawPerSec}/s): async steps ${result.asyncSteps}, + snapshots ${result.snapshots}, tracked elements only ${result.snapshotsTrackedOnly}, + resume at the user task ${result.resumeAtTask}\n`);
