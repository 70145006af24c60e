/** Fictional profile data for the profile unit tests (every value invented; checks pass). */
export const APPLICANT = {
  id: 'applicant',
  name: { lastName: 'Смирнова', firstName: 'Елена', middleName: 'Викторовна' },
  birthDate: '1988-04-02',
  relation: 'parent',
  email: 'smirnova.demo@example.com',
  phone: '8 900 123 45 67',
  address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
  passport: { series: '32 06', number: '114590', issuedAt: '17.05.2008', issuedBy: 'Отделом УФМС', divisionCode: '420012' },
  snils: '14848125585',
} as const;

export const CHILD = {
  id: 'child-anna',
  name: { lastName: 'Смирнова', firstName: 'Анна', middleName: 'Андреевна' },
  birthDate: '2015-03-14',
  document: { kind: 'birth-certificate', series: 'iii по', number: '№ 537155', issuedAt: '2015-03-20', issuedBy: 'Отдел ЗАГС г. Киселевска' },
  snils: '112 233 445 95',
  inn: '500100732259',
  address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
  attends: 'school',
  municipality: 'г. Киселевск',
  region: 'kuzbass',
} as const;
