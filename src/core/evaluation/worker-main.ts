/**
 * Worker thread of an evaluation: assesses the items the main thread posts ({ seq, item }) and posts back
 * { seq, outcome }. Started by ./pool.ts with workerData { sheetId, asOf }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { assessItem, createAssessContext } from './assess';
import type { EvaluationItem } from './input';
import { yieldToRequestThreads } from '../worker-thread';

yieldToRequestThreads();

const data = workerData as { sheetId?: string; asOf: string };
const ctx = createAssessContext(data.sheetId, data.asOf);
const port = parentPort!;
port.on('message', (msg: { seq: number; item: EvaluationItem }) => {
  port.postMessage({ seq: msg.seq, outcome: assessItem(msg.item, ctx) });
});
