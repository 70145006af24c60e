import { describe, expect, it } from 'vitest';
import {
  applicantErrorKey,
  applicantToDraft,
  childErrorKey,
  childToDraft,
  draftToApplicantInput,
  draftToChildInput,
} from '@/utils/profile/drafts';
import { Applicant, Child } from '@/utils/profile/schema';
import { APPLICANT, CHILD } from './fixtures';

describe('form drafts', () => {
  it('an empty draft has no example data', () => {
    expect(Object.values(childToDraft(undefined, 'id-1')).filter((v) => v !== '')).toEqual(['id-1']);
    const a = applicantToDraft();
    expect(Object.entries(a).filter(([, v]) => v !== '')).toEqual([['relation', 'parent']]);
  });

  it('child → draft → input → parse is the same child; dates shown as DD.MM.YYYY', () => {
    for (const doc of [
      CHILD.document,
      { kind: 'passport', series: '3206', number: '123456', issuedAt: '2025-04-01', issuedBy: 'МВД', divisionCode: '420-012' },
      { kind: 'foreign-birth-certificate', text: 'AB 1', issuedAt: '2015-04-01' },
      { kind: 'temporary-id', text: '2П 1', validUntil: '2030-01-01' },
    ]) {
      const c = Child.parse({ ...CHILD, document: doc, certificateNumber: '4207000002' });
      const d = childToDraft(c);
      expect(d.birthDate).toBe('14.03.2015');
      expect(Child.parse(draftToChildInput(d))).toEqual(c);
    }
  });

  it('applicant round trip; a blank passport is left out', () => {
    const a = Applicant.parse(APPLICANT);
    expect(Applicant.parse(draftToApplicantInput(applicantToDraft(a)))).toEqual(a);
    const noPassport = { ...applicantToDraft(a), passportSeries: '', passportNumber: '', passportIssuedAt: '', passportIssuedBy: '', passportDivisionCode: '' };
    expect(Applicant.parse(draftToApplicantInput(noPassport)).passport).toBeUndefined();
  });

  it('error paths map to draft fields', () => {
    expect(childErrorKey('name.firstName')).toBe('firstName');
    expect(childErrorKey('document.series')).toBe('docSeries');
    expect(childErrorKey('document.validUntil')).toBe('docValidUntil');
    expect(childErrorKey('document')).toBe('docKind');
    expect(childErrorKey('snils')).toBe('snils');
    expect(childErrorKey('')).toBe('');
    expect(applicantErrorKey('passport.issuedBy')).toBe('passportIssuedBy');
    expect(applicantErrorKey('name.middleName')).toBe('middleName');
    expect(applicantErrorKey('email')).toBe('email');
  });
});
