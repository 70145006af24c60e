import { activationChecklist } from '@/utils/profile/checklist';
import { assessEligibility, formatAge, formatRuDate, type Eligibility } from '@/utils/profile/eligibility';
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
  /**
   * Show a child who can apply as a disclosure: name, age and region always; status, dates,
   * actions and checklist when opened. Default: everything shown.
   */
  collapsible?: boolean;
  /** With `collapsible`: the card is open at first. */
  open?: boolean;
  /** With `collapsible`: the `name` of the disclosure group — opening one card closes the others. */
  group?: string;
}

/**
 * Whether the certificate can be got now (`eligible`, `self-eligible`): the card then offers
 * the guide and the papers.
 * @param el the child's eligibility
 */
export const canApplyNow = (el: Eligibility) => el.status === 'eligible' || el.status === 'self-eligible';

/** Short region names for the card's one line of details. */
const REGION_SHORT: Record<Child['region'], string> = { tver: 'Тверская обл.', kuzbass: 'Кузбасс' };

/**
 * One child in the popup: name and age, the eligibility label, region and dates
 * (`assessEligibility`, domain.md §2), the two actions and the activation checklist
 * (collapsible, domain.md §4). A child who cannot apply now (too young, 18 and older) gets a
 * short card: name, age, status and dates, no actions and no checklist. What the papers will
 * lack is said once for all children by the popup, not here. Stable `data-testid`s:
 * `child-card` (with `data-child-id` and `data-can-apply`), `eligibility`,
 * `eligibility-details`, `checklist`, `open-guide`, `make-pdf`.
 * @param p see {@link ChildCardProps}
 */
export function ChildCard(p: ChildCardProps) {
  const c = p.child;
  const rules = municipalityRules(c.municipality, c.region);
  const el = assessEligibility(c.birthDate, p.today, { minAge: rules.minAge });
  const titleId = `child-${c.id}-name`;
  const now = canApplyNow(el);
  // «с 14 лет может подать сам» is in the label already: the past date adds nothing.
  const selfFrom = `самостоятельно — с ${formatRuDate(el.selfFrom)}`;
  const dates = el.status === 'self-eligible' ? el.details.filter((d) => d !== selfFrom) : el.details;

  // Heading and phrasing only: the same nodes are the `<summary>` of a collapsible card.
  const head = (
    <>
      <h2 id={titleId}>
        {c.name.lastName} {c.name.firstName}
      </h2>{' '}
      <span class="meta">· {formatAge(el.age)}</span>
    </>
  );
  const status = (
    <>
      <p class="card-status">
        <span class={`badge badge-${el.status}`} data-testid="eligibility" data-status={el.status}>
          {el.label}
        </span>
      </p>
      <ul class="details" data-testid="eligibility-details">
        <li title={REGIONS[c.region].name}>{REGION_SHORT[c.region]}</li>
        {dates.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
    </>
  );

  if (!now) {
    return (
      <article class="child-card is-not-now" data-testid="child-card" data-child-id={c.id} data-can-apply="false" aria-labelledby={titleId}>
        {head}
        {status}
      </article>
    );
  }

  const items = activationChecklist(c, p.applicant, p.today);
  const warnings = Object.values(childWarnings(c, p.today));
  const body = (
    <>
      {status}
      <div class="actions">
        <button type="button" class="btn btn-primary" data-testid="open-guide" onClick={() => p.onOpenGuide(c)}>
          Открыть подсказку на портале
        </button>
        <button type="button" class="btn" data-testid="make-pdf" disabled={p.busy} aria-busy={p.busy ? 'true' : undefined} onClick={() => p.onMakePdf(c)}>
          {p.busy ? 'Готовлю PDF…' : 'Заявление и согласия (PDF)'}
        </button>
      </div>
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
      {warnings.map((w) => (
        <p class="warning" key={w}>
          {w}
        </p>
      ))}
    </>
  );

  if (p.collapsible) {
    return (
      <details class="child-card is-collapsible" data-testid="child-card" data-child-id={c.id} data-can-apply="true" open={p.open} name={p.group}>
        <summary>{head}</summary>
        {body}
      </details>
    );
  }
  return (
    <article class="child-card" data-testid="child-card" data-child-id={c.id} data-can-apply="true" aria-labelledby={titleId}>
      {head}
      {body}
    </article>
  );
}
