/**
 * SEQ-16-N — the 告知书's proof of service (细则第14项: "没有证据证明已经依法送达了告知书" is a 重大问题): the same test as
 * service_record (送达日期 and 送达回证 or 签收人), for the 事先告知书 alone, at veto level.
 */
import { serviceRecord } from './service-record';
import { NO_PARAMS, type CustomCheckImpl } from './types';

export const noticeServiceRecord: CustomCheckImpl = {
  name: 'notice_service_record',
  description: '事先告知书有送达记录：送达日期和送达回证或签收人',
  params: NO_PARAMS,
  dataKeys: serviceRecord.dataKeys,
  problemIds: serviceRecord.problemIds,
  run(_params, ctx, rule) {
    const except = ctx.pack.documentTypes.servable().filter((t) => t !== 'penalty_notice');
    return serviceRecord.run({ except }, ctx, rule);
  },
};
