import { activationChecklist } from '@/utils/profile/checklist';
import { assessEligibility, formatAge } from '@/utils/profile/eligibility';
import { municipalityRules, REGIONS } from '@/utils/profile/regions';
import { childWarnings, type Applicant, type Child } from '@/utils/profile/schema';

/** Props of {@link ChildCard}. */
export interface ChildCardProps {
  child: Child;
  applicant?: Applicant;
  /** Reference date `YYYY-MM-DD` (today, local). */
  today: string;
  /** «Открыть подсказку на портале». */
  onOpenGuide: (child: Child) => void;
  /** «Заявление и согласия (PDF)». */
  onMakePdf: (child: Child) => void;
  /** A PDF for this child is being made (the button shows it and is disabled). */
  busy?: boolean;
}

/**
 * One child in the popup: name, age, region, the eligibility label and dates
 * (`assessEligibility`, domain.md §2), the activation checklist (collapsible, domain.md §4)
 * and the two actions. Stable `data-testid`s: `child-card`, `eligibility`, `checklist`,
 * `open-guide`, `make-pdf`.
 * @param p see {@link ChildCardProps}
 */
export function ChildCard(p: ChildCardProps) {
  const c = p.child;
  const rules = municipalityRules(c.municipality, c.region);
  const el = assessEligibility(c.birthDate, p.today, { minAge: rules.minAge });
  const items = activationChecklist(c, p.applicant, p.today);
  const titleId = `child-${c.id}-name`;
  const warnings = Object.values(childWarnings(c, p.today));
  const missing: string[] = [];
  if (!c.document) missing.push('документ ребёнка');
  if (!p.applicant) missing.push('данные заявителя');
  else if (!p.applicant.passport) missing.push('паспорт заявителя');
  return (
    <article class="child-card" data-testid="child-card" data-child-id={c.id} aria-labelledby={titleId}>
      <h2 id={titleId}>
        {c.name.lastName} {c.name.firstName}
      </h2>
      <p class="meta">
        {formatAge(el.age)} · {REGIONS[c.region].name}
      </p>
      <p>
        <span class={`badge badge-${el.status}`} data-testid="eligibility" data-status={el.status}>
          {el.label}
        </span>
      </p>
      <ul class="details" data-testid="eligibility-details">
        {el.details.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <details class="checklist" data-testid="checklist">
        <summary>Что взять с собой для активации</summary>
        <ul>
          {items.map((i) => (
            <li key={i.id} data-item={i.id}>
              {i.text}
            </li>
          ))}
        </ul>
      </details>
      <div class="actions">
        <button type="button" class="btn btn-primary" data-testid="open-guide" onClick={() => p.onOpenGuide(c)}>
          Открыть подсказку на портале
        </button>
        <button type="button" class="btn" data-testid="make-pdf" disabled={p.busy} aria-busy={p.busy ? 'true' : undefined} onClick={() => p.onMakePdf(c)}>
          {p.busy ? 'Готовлю PDF…' : 'Заявление и согласия (PDF)'}
        </button>
      </div>
      {warnings.map((w) => (
        <p class="warning" key={w}>
          {w}
        </p>
      ))}
      {missing.length > 0 && <p class="hint">В профиле нет: {missing.join(', ')} — в PDF останутся пустые строки.</p>}
    </article>
  );
}
