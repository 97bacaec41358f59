/** The generic check kinds, by name. */
import type { CheckSpec } from '../pack/types';
import type { CheckImpl } from './types';
import { amountCheck } from './amount';
import { consistencyCheck } from './consistency';
import { customCheck } from './custom';
import { deadlineCheck } from './deadline';
import { officersCheck } from './officers';
import { orderCheck } from './order';
import { requiredDocumentCheck } from './required-document';
import { requiredFieldCheck } from './required-field';
import { sealCheck } from './seal';
import { serviceCheck } from './service';
import { signatureCheck } from './signature';
import { statedPeriodCheck } from './stated-period';

export const CHECKS: Record<CheckSpec['kind'], CheckImpl<any>> = {
  deadline: deadlineCheck,
  order: orderCheck,
  required_document: requiredDocumentCheck,
  required_field: requiredFieldCheck,
  signature: signatureCheck,
  seal: sealCheck,
  officers: officersCheck,
  consistency: consistencyCheck,
  amount: amountCheck,
  stated_period: statedPeriodCheck,
  service: serviceCheck,
  custom: customCheck,
};
