import { describe, expect, it } from 'vitest';
import { cleanText, fileSafeSurname, formatPaperDate, parsePaperDate, surnameWithInitials } from '@/utils/papers/format';
import { REGION_TEMPLATES, statementRequest } from '@/utils/papers/templates';

describe('papers formatters', () => {
  it('formats the application date as «DD» месяца YYYY г.', () => {
    expect(formatPaperDate('2025-03-05')).toBe('«05» марта 2025 г.');
    expect(formatPaperDate('2024-02-29')).toBe('«29» февраля 2024 г.');
    expect(formatPaperDate('2025-12-31')).toBe('«31» декабря 2025 г.');
    expect(formatPaperDate(undefined)).toBe('');
    expect(formatPaperDate('  ')).toBe('');
    expect(parsePaperDate('2025-01-09')).toEqual({ day: '09', month: 'января', year: '2025' });
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['05.03.2025', '2025-3-5', '2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', 'завтра']) {
      expect(() => formatPaperDate(bad), bad).toThrow(RangeError);
    }
  });

  it('writes the surname with initials for «расшифровка подписи»', () => {
    expect(surnameWithInitials('Иванова Анна Петровна')).toBe('Иванова А. П.');
    expect(surnameWithInitials('Петров-Водкин анна-мария')).toBe('Петров-Водкин А.-М.');
    expect(surnameWithInitials('  Сидоров   Иван ')).toBe('Сидоров И.');
    expect(surnameWithInitials('Сидоров')).toBe('Сидоров');
    expect(surnameWithInitials('')).toBe('');
  });

  it('cleans whitespace and control characters', () => {
    expect(cleanText(' a\n\tb\u00a0 c\u0007 ')).toBe('a b c');
    // a letter typed as base + combining mark becomes the one letter the font draws
    expect(cleanText('Андреи\u0306 Е\u0308лкин')).toBe('Андрей Ёлкин');
    expect(fileSafeSurname('Иванов Пётр')).toBe('Иванов');
    expect(fileSafeSurname('../..')).toBe('');
  });

  it('keeps the region wording as data', () => {
    expect(REGION_TEMPLATES.tver.genitive).toBe('Тверской области');
    expect(REGION_TEMPLATES.kuzbass.genitive).toBe('Кемеровской области – Кузбасса');
    expect(statementRequest('kuzbass', 'parent', false)).toMatch(/^Прошу зарегистрировать указанного ниже ребёнка, родителем которого я являюсь, в реестре сертификатов дополнительного образования Кемеровской области – Кузбасса под реестровой записью №$/);
  });
});
