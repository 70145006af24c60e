import { describe, expect, it } from 'vitest';
import {
  APPLICANT_FIELD_NAMES,
  applicantFieldGroup,
  applicantToDraft,
  changedKeys,
  draftToApplicantInput,
  planStore,
  unsavedMessage,
  validateApplicantDraft as validate,
  type ApplicantDraft,
} from '@/utils/profile/drafts';
import { Applicant } from '@/utils/profile/schema';
import { APPLICANT } from './fixtures';

const plan = (draft: ApplicantDraft, saved: ApplicantDraft) => planStore(draft, saved, validate, applicantFieldGroup);
const stored = applicantToDraft(Applicant.parse(APPLICANT));
const empty = applicantToDraft();

describe('save as you go: planStore', () => {
  it('nothing typed: nothing to store, nothing unsaved', () => {
    expect(plan(empty, empty)).toEqual({ toStore: null, waiting: [], unsaved: [], blockers: [] });
    expect(plan(stored, stored)).toEqual({ toStore: null, waiting: [], unsaved: [], blockers: [] });
  });

  it('valid changes are stored as typed', () => {
    const draft = { ...stored, phone: '8 900 765 43 21' };
    const p = plan(draft, stored);
    expect(p.toStore).toEqual(draft);
    expect(p.waiting).toEqual(['phone']);
    expect(p.unsaved).toEqual([]);
  });

  it('no name yet: nothing can be stored, the name blocks the rest', () => {
    const draft = { ...empty, phone: '89001234567' };
    const p = plan(draft, empty);
    expect(p.toStore).toBeNull();
    expect(p.unsaved).toEqual(['phone']);
    expect(p.blockers).toEqual(['lastName', 'firstName']);
    expect(unsavedMessage(p, draft, APPLICANT_FIELD_NAMES)).toBe('Не сохранено: телефон. Чтобы сохранить, заполните: фамилия, имя.');
  });

  it('a bad field keeps its stored value; the valid ones are stored; never anything invalid', () => {
    const draft = { ...stored, snils: '148-481-255 86', email: 'elena@example.org' };
    const p = plan(draft, stored);
    expect(p.toStore).toEqual({ ...draft, snils: stored.snils });
    expect(validate(p.toStore!)).toEqual({});
    expect(p.unsaved).toEqual(['snils']);
    expect(unsavedMessage(p, draft, APPLICANT_FIELD_NAMES)).toBe('Не сохранено — проверьте: СНИЛС.');
  });

  it('a blanked required field is not stored as blank', () => {
    const draft = { ...stored, lastName: '' };
    const p = plan(draft, stored);
    expect(p.toStore).toBeNull();
    expect(p.unsaved).toEqual(['lastName']);
    expect(unsavedMessage(p, draft, APPLICANT_FIELD_NAMES)).toBe('Не сохранено — заполните: фамилия.');
  });

  it('the passport is stored only as a whole; a started one names what is missing', () => {
    const draft = { ...stored, passportSeries: '', passportNumber: '', passportIssuedAt: '', passportIssuedBy: '', passportDivisionCode: '' };
    draft.passportSeries = '4510';
    draft.phone = '8 900 765 43 21';
    const p = plan(draft, stored);
    // the phone is stored, the stored passport stays
    expect(changedKeys(p.toStore!, stored)).toEqual(['phone']);
    expect(p.unsaved).toEqual(['passportSeries', 'passportNumber', 'passportIssuedAt', 'passportIssuedBy', 'passportDivisionCode']);
    expect(p.blockers).toEqual(['passportNumber', 'passportIssuedAt', 'passportIssuedBy']);
    expect(unsavedMessage(p, draft, APPLICANT_FIELD_NAMES)).toBe(
      'Не сохранено: серия паспорта, номер паспорта, дата выдачи паспорта, кем выдан паспорт, код подразделения. Чтобы сохранить, заполните: номер паспорта, дата выдачи паспорта, кем выдан паспорт.',
    );
  });

  it('a first passport and a bad СНИЛС: what to check and what to fill in, in form order', () => {
    const draft = { ...stored, passportSeries: '', passportNumber: '', passportIssuedAt: '', passportIssuedBy: '', passportDivisionCode: '' };
    const saved = { ...draft };
    draft.snils = '148-481-255 86';
    draft.passportSeries = '3206';
    const p = plan(draft, saved);
    expect(p.toStore).toBeNull();
    expect(unsavedMessage(p, draft, APPLICANT_FIELD_NAMES)).toBe(
      'Не сохранено: СНИЛС, серия паспорта. Чтобы сохранить, проверьте: СНИЛС; заполните: номер паспорта, дата выдачи паспорта, кем выдан паспорт.',
    );
  });

  it('no message while valid changes only wait for the save', () => {
    const draft = { ...stored, phone: '8 900 765 43 21' };
    expect(unsavedMessage(plan(draft, stored), draft, APPLICANT_FIELD_NAMES)).toBeNull();
  });
});
