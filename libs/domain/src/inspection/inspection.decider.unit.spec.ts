import { deciderSpecification } from '../testing/decider-specification';
import { at, metadata, organisationId } from '../testing/fixtures';
import { inspectionDecider, type RecordInspection } from './inspection.decider';
import type { InspectionRecorded } from './inspection.events';

const spec = deciderSpecification(inspectionDecider);

const details = {
  inspectionId: 'insp-1',
  organisationId,
  authority: 'Durham County Council',
  inspectionType: 'contact_referral_assessment' as const,
  inspectionDates: ['2011-02-23', '2011-02-22'],
  letterDate: '2011-03-18',
  inspector: 'Jane Doe',
  overallJudgement: null,
};
const record: RecordInspection = { type: 'RecordInspection', data: details, metadata };
const recorded: InspectionRecorded = {
  type: 'InspectionRecorded',
  data: { ...details, inspectionDates: ['2011-02-22', '2011-02-23'], recordedAt: at },
};

describe('RecordInspection', () => {
  it('records a new inspection, its days in order', () => {
    spec.given([]).when(record).then([recorded]);
  });

  it('refuses to record the same inspection twice', () => {
    spec
      .given([recorded])
      .when(record)
      .thenRefuses(/already been recorded/);
  });

  it('refuses a letter dated before the inspection began', () => {
    spec
      .given([])
      .when({ ...record, data: { ...details, letterDate: '2011-02-01' } })
      .thenRefuses(/before the inspection began on 2011-02-22/);
  });
});
