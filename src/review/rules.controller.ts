import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../common/errors';
import type { LoadedRule } from '../core/engine';
import { ReviewService } from './review.service';
import { RuleExamples } from './rule-examples';

/** The rule of the pack as GET /api/rules lists it. */
export function ruleSummary(r: LoadedRule) {
  return {
    id: r.id,
    title: r.title,
    family: r.family,
    basis: r.basis,
    confidence: r.confidence,
    basisPending: r.basisPending,
    severity: r.severity,
    veto: r.veto ?? null,
    scoringItem: r.scoringItem,
    effective: r.effective ?? null,
    docs: r.docs,
  };
}

/** 规则清单: the loaded rule pack. */
@ApiTags('规则 rules')
@Controller('rules')
export class RulesController {
  constructor(
    private readonly reviews: ReviewService,
    private readonly examples: RuleExamples,
  ) {}

  @Get()
  @ApiOperation({ summary: '规则清单', description: '规则包中的全部规则：编号、标题、依据、置信度、严重程度、适用期间、评分项。' })
  @ApiOkResponse({ description: '{ name, version, count, rules: [...] }' })
  list() {
    const pack = this.reviews.pack;
    return { name: pack.name, version: pack.version, count: pack.rules.length, rules: pack.rules.map(ruleSummary) };
  }

  @Get(':id')
  @ApiOperation({ summary: '单条规则', description: '规则的完整定义（检查、消息模板、整改建议）及其正例、反例（fixtures/rules）。' })
  @ApiNotFoundResponse({ description: 'RULE_NOT_FOUND' })
  get(@Param('id') id: string) {
    // a former id (DL-33, merged into DL-01 as its 2010 version) gives the rule it was merged into
    const pack = this.reviews.pack;
    const rule = [id, id.toUpperCase()].map((x) => pack.byId.get(pack.formerIds.get(x) ?? x)).find((r) => !!r);
    if (!rule) notFound(`规则不存在：${id}`, 'RULE_NOT_FOUND');
    return {
      ...ruleSummary(rule),
      applies: rule.applies ?? null,
      check: rule.check,
      message: rule.message,
      messages: rule.messages ?? {},
      suggestion: rule.suggestion,
      covers: rule.covers ?? [],
      formerVersions: (rule.versions ?? []).map((v) => ({ formerId: v.formerId, title: v.title, effective: v.effective, basis: v.basis, severity: v.severity, check: v.check, message: v.message, suggestion: v.suggestion })),
      file: rule.file,
      examples: this.examples.forRule(rule.id),
    };
  }
}
