/**
 * Words of markup a page description keeps inside ids, classes, field names and URL paths
 * (`maskIdent` in utils/report/mask.ts): the common words of HTML front ends and of the widget
 * libraries the guide reads (Bootstrap, Fomantic/Semantic UI, select2, Chosen, selectize,
 * Choices, AngularJS), and HTML/ARIA keywords. With them: each portal's known markup
 * (`sgoMarkup`, `cabinetMarkup` in the flow files) and the words of the flows' CSS hints and paths.
 * Any other word in an identifier (a transliterated name, `smirnova`, `artem`) is masked.
 */
export const MARKUP_WORDS: readonly string[] = (
  // layout and components
  'app page main content container wrapper wrap inner outer row col cols column grid flex block box section panel card cards ' +
  'header head footer foot top bottom left right center middle side sidebar nav navbar menu submenu item items list group ' +
  'tab tabs tabpanel pane pill pills link links btn button buttons primary secondary default basic fluid large small mini tiny ' +
  'sm md lg xl xs mt mb ml mr pt pb pl pr mx my px py ms me ps pe d w h ' +
  'form forms field fields fieldset input inputs control controls label labels legend select textarea checkbox radio toggle ' +
  'dropdown dropup caret arrow search results result option options choice choices single multiple selection selected active ' +
  'disabled readonly required error errors errorlist invalid valid feedback help hint text title subtitle description ' +
  'modal dialog popup popover tooltip overlay backdrop dimmer close dismiss ok cancel submit save reset back next prev ' +
  'alert alerts danger warning info success message messages notice note badge label tag icon icons glyphicon fa fas far ' +
  'hidden visible show shown hide collapse collapsed collapsing expanded open closed fade in out visually sr only screen reader ' +
  'table thead tbody tfoot tr td th cell cells ui segment segments divider spacer loader loading spinner ' +
  'file files upload download image img logo brand user users profile avatar name first last middle full ' +
  'login logout loginname username password email mail phone date birth document doc docs number series kind type issued ' +
  'by at org child children parent family student pupil school certificate certificates cert request requests status ' +
  'step steps section sections wizard progress chosen drop single selectize select2 bootstrap bs ng scope binding pristine ' +
  'untouched touched dirty valid empty not has with without is js no csrf token next id ' +
  'services service confirm accounts callback settings my personal home index static assets media ' +
  // HTML and ARIA keywords (`type`, `role`, `aria-*`, `autocomplete`, `target` values)
  'true false mixed none off on polite assertive page location time tel url week month color range hidden ' +
  'alertdialog menubar menuitem menuitemcheckbox menuitemradio tablist listbox listitem combobox textbox searchbox ' +
  'presentation gridcell rowgroup rowheader columnheader region banner navigation contentinfo complementary ' +
  'heading article document application status log marquee timer progressbar slider spinbutton switch tree ' +
  'treeitem treegrid toolbar separator figure math term definition horizontal vertical ascending descending ' +
  'other inline both list ltr rtl blank self parent get post dialog given family additional tel national ' +
  'street address line postal code country bday day year new current one autocomplete ru en plaintext inherit'
)
  .split(/\s+/)
  .filter(Boolean);
