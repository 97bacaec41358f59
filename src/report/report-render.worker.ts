/**
 * Worker thread that renders review-report PDFs: receives { seq, input } (ReviewReportInput), posts back
 * { seq, pdf, threadId } (the bytes' buffer is transferred, not copied) or { seq, error }. Started by report-renderer.ts.
 * Fonts load once per thread, on the first report.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { renderReviewReport, type ReviewReportInput } from '../core/report';
import { yieldToRequestThreads } from '../core/worker-thread';

yieldToRequestThreads();

const port = parentPort!;
port.on('message', (msg: { seq: number; input: ReviewReportInput }) => {
  renderReviewReport(msg.input).then(
    (pdf) => port.postMessage({ seq: msg.seq, pdf, threadId }, [pdf.buffer as ArrayBuffer]),
    (e: unknown) => port.postMessage({ seq: msg.seq, error: e instanceof Error ? e.message : String(e) }),
  );
});
