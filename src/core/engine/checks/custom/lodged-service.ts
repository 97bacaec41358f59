/** lodged_service — 留置送达记明拒收事由，并有见证人签名或拍照、录像 (民事诉讼法第89条). */
import { serviceCheck } from '../service';

export const lodgedService = serviceCheck(
  'lodged_service',
  '留置送达记明拒收事由，并有见证人签名或拍照、录像',
  ['noRefusalReason', 'noWitness'],
  (_ctx, doc) => {
    const s = doc.service;
    if (s?.method !== 'lodged') return undefined;
    const p = [];
    if (!s.refusalReason?.trim()) p.push({ id: 'noRefusalReason' });
    if (!s.witness?.trim() && !s.recorded) p.push({ id: 'noWitness' });
    return p;
  },
);
