/**
 * The fictional family of the training portal (preloaded there instead of any real profile),
 * also used by tests and the demo (names match the replicas' children:
 * Kuzbass «Смирнов Артём Андреевич», Tver «Смирнова Дарья Игоревна»). Every value is invented; document numbers
 * are chosen to pass the checks of domain.md §3 (СНИЛС from the ПФР example, ИНН test vector).
 */
export const FAMILY = {
  applicant: {
    id: 'applicant',
    name: { lastName: 'Смирнова', firstName: 'Елена', middleName: 'Викторовна' },
    birthDate: '1988-04-02',
    relation: 'parent',
    email: 'smirnova.demo@example.com',
    phone: '+7 (900) 123-45-67',
    address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
    passport: { series: '3206', number: '114590', issuedAt: '2008-05-17', issuedBy: 'Отделом УФМС по Кемеровской области в г. Киселевске', divisionCode: '420-012' },
    snils: '148-481-255 85',
  },
  children: [
    {
      id: 'child-artem',
      name: { lastName: 'Смирнов', firstName: 'Артём', middleName: 'Андреевич' },
      birthDate: '2015-03-14',
      document: { kind: 'birth-certificate', series: 'III-ПО', number: '537155', issuedAt: '2015-03-20', issuedBy: 'Отдел ЗАГС г. Киселевска' },
      snils: '112-233-445 95',
      inn: '500100732259',
      address: 'г. Киселевск, ул. Весенняя, д. 16, кв. 5',
      attends: 'school',
      municipality: 'г. Киселевск',
      region: 'kuzbass',
    },
    {
      id: 'child-darya',
      name: { lastName: 'Смирнова', firstName: 'Дарья', middleName: 'Игоревна' },
      birthDate: '2011-09-01',
      document: { kind: 'birth-certificate', series: 'I-ТВ', number: '123456', issuedAt: '2011-09-10', issuedBy: 'Отдел ЗАГС г. Твери' },
      snils: '010-242-368 77',
      inn: '773400211252',
      address: 'г. Тверь, ул. Советская, д. 1, кв. 2',
      attends: 'school',
      municipality: 'г. Тверь',
      region: 'tver',
    },
  ],
  scans: [] as Array<{ childId: string; name: string; type: string; base64: string }>,
} as const;

/** A tiny valid PNG (1×1) standing for the scan of the birth certificate. */
export const SCAN_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

FAMILY.scans.push({ childId: 'child-artem', name: 'svidetelstvo-artem.png', type: 'image/png', base64: SCAN_PNG_BASE64 });

/**
 * Every personal value of the test family (names, dates, documents, contacts; not enum-like
 * fields such as region or relation), plus digits-only forms (СНИЛС, ИНН, phone without
 * separators): what must never show up where personal data is not allowed.
 */
export function personalValues(): string[] {
  const skip = new Set(['id', 'relation', 'attends', 'region', 'kind', 'childId', 'type', 'base64']);
  const out: string[] = [];
  const walk = (v: unknown, key = '') => {
    if (typeof v === 'string') {
      if (!skip.has(key)) out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(FAMILY);
  const digits = out.map((s) => s.replace(/\D/g, '')).filter((s) => s.length >= 6);
  return [...new Set([...out, ...digits])];
}
