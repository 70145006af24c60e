import { signal } from '@preact/signals';
import { downloadBlob } from '@/utils/download';
import { browser } from 'wxt/browser';
import { ask } from '@/utils/ask';
import { ChildCard } from '@/components/profile/ChildCard';
import { arrangeChildren, missingDataLine, WHOLE_CARDS_MAX } from './children';
import { getApplicant, listChildren } from '@/utils/profile/db';
import { todayLocal } from '@/utils/profile/eligibility';
import { blankPapersInput, papersInputFor } from '@/utils/profile/papers-input';
import { REGIONS } from '@/utils/profile/regions';
import type { Applicant, Child } from '@/utils/profile/schema';
import type { RegionId } from '@/utils/profile/checks';
import type { PapersInput } from '@/utils/papers/types';
import { DEFAULT_PRESENTATION, loadPresentation, savePresentation, watchPresentation, type Presentation } from '@/utils/guide/presentation';

const children = signal<Child[]>([]);
const applicant = signal<Applicant | undefined>(undefined);
const loaded = signal(false);
const loadError = signal('');
/** The child whose guide was opened last (`activeChildId` in `storage.local`): their card comes first, open. */
const activeChildId = signal<unknown>(undefined);
/** Id of the child whose PDF is being made, or `blank`. */
const busy = signal<string | null>(null);
const message = signal<{ kind: 'ok' | 'error'; text: string } | null>(null);
const blankRegion = signal<RegionId>('tver');
/** Presentation settings of the guide («Показ на экране»). */
const presentation = signal<Presentation>(DEFAULT_PRESENTATION);
/** The stored presentation settings have been read: the switches show them and may change them. */
const presentationReady = signal(false);
/** Switches whose change is being written to storage (their `data-saved` is "false" meanwhile). */
const saving = signal<ReadonlySet<string>>(new Set());

/** Loads the profile from the extension's database, and the presentation settings. */
export async function load(): Promise<void> {
  let changed = false; // a change stored elsewhere while the first read is on its way wins over it
  watchPresentation((p) => {
    changed = true;
    presentation.value = p;
    presentationReady.value = true;
  });
  void loadPresentation().then((p) => {
    if (!changed) presentation.value = p;
    presentationReady.value = true;
  });
  try {
    const [list, a, active] = await Promise.all([
      listChildren(),
      getApplicant(),
      browser.storage.local.get('activeChildId').then(
        (got) => got.activeChildId,
        () => undefined, // only decides which card is open first
      ),
    ]);
    children.value = list;
    applicant.value = a;
    activeChildId.value = active;
    if (list[0]) blankRegion.value = list[0].region;
  } catch (err) {
    loadError.value = `Не удалось прочитать профиль: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    loaded.value = true;
  }
}

function download(bytes: Uint8Array, name: string) {
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), name);
}

/** Loads the PDF module only now (pdf-lib must not be in the popup's first chunk) and downloads the file. */
async function makePdf(key: string, input: PapersInput) {
  if (busy.value) return;
  busy.value = key;
  message.value = null;
  try {
    const papers = await import('@/utils/papers');
    const bytes = await papers.buildPapersPdf(input);
    const name = papers.papersFileName(input);
    download(bytes, name);
    message.value = { kind: 'ok', text: `Готово: файл «${name}» сохранён в «Загрузки». Распечатайте и подпишите.` };
  } catch (err) {
    message.value = { kind: 'error', text: `Не удалось сделать PDF: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    busy.value = null;
  }
}

/**
 * «Открыть подсказку на портале»: the background opens the child's portal in a new tab with this
 * child chosen for «Заполнить» in that tab only (`open-guide`); `activeChildId` only puts the
 * child's card first the next time the popup opens.
 */
async function openGuide(child: Child) {
  await browser.storage.local.set({ activeChildId: child.id });
  try {
    await ask({ type: 'open-guide', childId: child.id });
  } catch {
    await browser.tabs.create({ url: REGIONS[child.region].portalUrl }); // the guide asks whom to fill for
  }
  window.close();
}

/** The presentation switches offered in the popup, in order. */
const SHOW_SWITCHES: Array<{ key: 'large' | 'slow' | 'mask'; label: string; hint: string }> = [
  { key: 'large', label: 'Крупный текст и рамка', hint: 'Для проектора: подсказка крупнее, рамка толще' },
  { key: 'slow', label: 'Медленная анимация', hint: 'Рамка и подсказка двигаются в 3 раза медленнее' },
  { key: 'mask', label: 'Демонстрация: скрыть данные', hint: 'Для показа экрана: заполненные помощником поля закрываются размытием' },
];

/**
 * «Показ на экране»: three switches for trainers and screen-sharing, stored for every tab
 * (`utils/guide/presentation.ts`); open portal tabs follow them at once.
 */
function ShowSettings() {
  const p = presentation.value;
  const ready = presentationReady.value;
  // The write starts in the click's own task (no read first), so closing the popup at once keeps it.
  const toggle = (key: 'large' | 'slow' | 'mask', on: boolean) => {
    const before = presentation.value;
    presentation.value = { ...before, [key]: on };
    saving.value = new Set([...saving.value, key]);
    savePresentation({ [key]: on }, before)
      .catch((err: unknown) => {
        presentation.value = { ...presentation.value, [key]: before[key] };
        message.value = { kind: 'error', text: `Не удалось сохранить настройку: ${err instanceof Error ? err.message : String(err)}` };
      })
      .finally(() => {
        const next = new Set(saving.value);
        next.delete(key);
        saving.value = next;
      });
  };
  return (
    <fieldset class="show-settings" data-testid="popup-presentation">
      <legend>Показ на экране</legend>
      {SHOW_SWITCHES.map((sw) => (
        <label key={sw.key} title={sw.hint}>
          <input
            type="checkbox"
            data-testid={`popup-${sw.key}`}
            data-saved={String(ready && !saving.value.has(sw.key))}
            disabled={!ready}
            checked={p[sw.key]}
            onChange={(e) => toggle(sw.key, (e.currentTarget as HTMLInputElement).checked)}
          />
          {sw.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The disclosure never opens when its own summary gets the focus, only when a control inside does. */
function openOnFocusInside(e: FocusEvent) {
  const d = e.currentTarget as HTMLDetailsElement;
  if (!d.open && (e.target as Element | null)?.tagName !== 'SUMMARY') d.open = true;
}

/**
 * «Для занятий и показа»: the training portal and «Показ на экране» — for trainers and
 * screen-sharing, so closed by default and out of the parent's way. While closed its controls
 * stay reachable by the keyboard (style.css clips the content instead of skipping it), and
 * focusing one opens the disclosure, so a switch is never changed unseen.
 */
function TrainerTools() {
  return (
    <details class="trainer" data-testid="popup-trainer" onFocusIn={openOnFocusInside}>
      <summary>Для занятий и показа</summary>
      <a class="btn-link" href="/training.html" target="_blank" rel="noopener" data-testid="open-training">
        Учебный портал (для занятий)
      </a>
      <ShowSettings />
    </details>
  );
}

function openOptions() {
  void browser.runtime.openOptionsPage();
  window.close();
}

/**
 * The popup: the children who can apply now first, each with eligibility, actions and checklist
 * (one whole card, or with several, disclosures with the last chosen child first and open); what
 * the papers will lack, said once; the children who cannot apply now in one closed group,
 * without actions; the blank form, the profile and consultant links, and the trainer tools
 * under «Для занятий и показа». Fits 600 px of height with four children (tests/e2e/popup.spec.ts).
 * Empty state invites to fill in the profile.
 */
export function App() {
  if (!loaded.value) return <p class="popup">Загрузка…</p>;
  const list = children.value;
  const today = todayLocal();
  const { now, notNow } = arrangeChildren(list, today, activeChildId.value);
  const collapsible = now.length > WHOLE_CARDS_MAX;
  const missing = missingDataLine(now, applicant.value);
  return (
    <div class="popup">
      <header>
        <h1>Сертификат дополнительного образования</h1>
        {list.length === 0 && <p>Тверская область и Кузбасс</p>}
      </header>
      {loadError.value && <p class="status status-error">{loadError.value}</p>}
      {list.length === 0 ? (
        <section class="empty" data-testid="empty-state">
          <p>Здравствуйте! Добавьте ребёнка — и помощник покажет, можно ли получить сертификат, что взять с собой и как пройти шаги на портале.</p>
          <p class="hint">Это займёт несколько минут. Данные останутся только в этом браузере.</p>
          <button type="button" class="btn btn-primary" data-testid="open-options" onClick={openOptions}>
            Заполнить профиль
          </button>
        </section>
      ) : (
        <main>
          {now.map((c) => (
            <ChildCard
              key={c.id}
              child={c}
              applicant={applicant.value}
              today={today}
              busy={busy.value === c.id}
              collapsible={collapsible}
              open={c === now[0]}
              group="popup-children"
              onOpenGuide={openGuide}
              onMakePdf={(child) => makePdf(child.id, papersInputFor(child, applicant.value, { date: today }))}
            />
          ))}
          {missing && (
            <p class="hint missing-data" data-testid="missing-data">
              {missing}
            </p>
          )}
          {notNow.length > 0 && (
            <details class="not-now" data-testid="children-not-now" open={now.length === 0}>
              <summary>Сейчас нельзя получить: {notNow.map((c) => c.name.firstName).join(', ')}</summary>
              {notNow.map((c) => (
                <ChildCard
                  key={c.id}
                  child={c}
                  today={today}
                  onOpenGuide={openGuide}
                  onMakePdf={(child) => makePdf(child.id, papersInputFor(child, applicant.value, { date: today }))}
                />
              ))}
            </details>
          )}
        </main>
      )}
      <div aria-live="polite" role="status">
        {message.value && <p class={`status status-${message.value.kind}`}>{message.value.text}</p>}
      </div>
      <footer class="footer">
        <p class="blank-title" id="blank-title">Пустой бланк заявления и согласий, от руки</p>
        <div class="blank-row" role="group" aria-labelledby="blank-title">
          <label for="blank-region" class="visually-hidden">
            Регион бланка: Тверская область или Кузбасс
          </label>
          <select id="blank-region" value={blankRegion.value} onChange={(e) => (blankRegion.value = (e.currentTarget as HTMLSelectElement).value as RegionId)}>
            <option value="tver">Тверская обл.</option>
            <option value="kuzbass">Кузбасс</option>
          </select>
          <button
            type="button"
            class="btn"
            data-testid="blank-pdf"
            disabled={busy.value === 'blank'}
            onClick={() => makePdf('blank', blankPapersInput(blankRegion.value))}
          >
            {busy.value === 'blank' ? 'Готовлю…' : 'Пустой бланк (PDF)'}
          </button>
        </div>
        <p class="links">
          {list.length > 0 && (
            <button type="button" class="btn-link" data-testid="open-options" onClick={openOptions}>
              Изменить профиль
            </button>
          )}
          <a class="btn-link" href="/consultant.html" target="_blank" rel="noopener" data-testid="open-consultant">
            Для консультантов
          </a>
        </p>
        <TrainerTools />
      </footer>
    </div>
  );
}
