/** lodged_service — 留置送达记明拒收事由，并有见证人签名或拍照、录像 (民事诉讼法第89条). */
import { serviceCheck } from '../service';

export const lodgedService = serviceCheck('lodged_service', '留置送达记明拒收事由，并有见证人签名或拍照、录像', (_ctx, doc) => {
  const s = doc.service;
  if (s?.method !== 'lodged') return undefined;
  const p: string[] = [];
  if (!s.refusalReason?.trim()) p.push('未记明拒收事由');
  if (!s.witness?.trim() && !s.recorded) p.push('无见证人签名，也无拍照、录像记录');
  return p;
});
