/**
 * Hold every case list of a test app on a gate (the slow query of a province's dashboards) until `open()`: each call
 * of CasesService.list counts as started, then waits, then runs for real. For tests of the list admission; undo
 * with jest.restoreAllMocks().
 */
import type { INestApplication } from '@nestjs/common';
import { CasesService } from '../../src/cases/cases.service';

export function holdCaseLists(app: INestApplication): { open: () => void; started: () => number } {
  const cases = app.get(CasesService);
  const list = CasesService.prototype.list.bind(cases);
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let started = 0;
  jest.spyOn(cases, 'list').mockImplementation(async (...args) => {
    started++;
    await gate;
    return list(...args);
  });
  return { open, started: () => started };
}
