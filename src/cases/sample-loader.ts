import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { parseCaseFileJson } from '../core/case-file/validate';
import { readCaseFileSources } from '../core/case-file/read-case-files';
import { CasesService } from './cases.service';

export interface SampleLoadReport {
  created: string[];
  skipped: string[];
  failed: Array<{ name: string; reason: string }>;
}

/**
 * LOAD_SAMPLES=1: at start-up, store every sample case file (SAMPLES_DIR, default fixtures/cases/*.json) whose
 * agency + case number is not stored yet. Running it again changes nothing.
 */
@Injectable()
export class SampleLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('SampleLoader');

  constructor(
    private readonly cases: CasesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadSamples) return;
    const report = await this.load(this.config.samplesDir);
    this.logger.log(
      `示例案卷：新增 ${report.created.length} 份，已存在跳过 ${report.skipped.length} 份，失败 ${report.failed.length} 份（${this.config.samplesDir}）`,
    );
    for (const f of report.failed) this.logger.warn(`${f.name}：${f.reason}`);
  }

  async load(dir: string): Promise<SampleLoadReport> {
    const report: SampleLoadReport = { created: [], skipped: [], failed: [] };
    if (!existsSync(dir)) {
      report.failed.push({ name: dir, reason: '目录不存在' });
      return report;
    }
    for (const source of readCaseFileSources([dir])) {
      const parsed = parseCaseFileJson(source.text);
      if (!parsed.ok) {
        report.failed.push({ name: source.name, reason: parsed.errors.slice(0, 3).map((e) => `${e.path || '(根)'} ${e.message}`).join('；') });
        continue;
      }
      const { agency, caseNumber } = parsed.value.case;
      if (await this.cases.findIdByCaseNumber(agency, caseNumber)) {
        report.skipped.push(source.name);
        continue;
      }
      await this.cases.create(parsed.value);
      report.created.push(source.name);
    }
    return report;
  }
}
