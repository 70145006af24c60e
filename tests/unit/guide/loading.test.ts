// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { pageIsLoading } from '@/utils/guide/loading';

/** A page with `html` in its body: whether the guide calls it loading (utils/guide/loading.ts). */
const loading = (html: string): boolean => {
  document.body.innerHTML = html;
  return pageIsLoading(document);
};

describe('a page that says it is loading', () => {
  it('a visible loader by class, busy region, progress bar or «Загрузка…» line says so', () => {
    for (const html of [
      '<div class="apploader"></div>',
      '<div class="page-preloader"></div>',
      '<span class="fa fa-spinner"></span>',
      '<div class="is-loading">x</div>',
      '<section aria-busy="true"></section>',
      '<div role="progressbar"></div>',
      '<p>Загрузка…</p>',
      '<p><b>Идёт загрузка...</b></p>',
      '<div>Пожалуйста, подождите</div>',
    ])
      expect(loading(`<main><h1>Сертификат</h1>${html}</main>`), html).toBe(true);
  });

  it('a hidden loader, a «download» or «upload» class, or a longer sentence about loading does not', () => {
    for (const html of [
      '<div class="apploader" style="display:none"></div>',
      '<div class="apploader" hidden></div>',
      '<a class="download-link" href="#">Скачать</a>',
      '<input class="file-upload" type="file">',
      '<p>Загрузка документов доступна после подтверждения личности на Госуслугах.</p>',
      '<script>var loading = "Загрузка";</script>',
    ])
      expect(loading(`<main><h1>Сертификат</h1>${html}</main>`), html).toBe(false);
  });
});
