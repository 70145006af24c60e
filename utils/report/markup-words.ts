/**
 * Words of markup a page description keeps inside ids, classes, field names and URL paths
 * (`maskIdent` in utils/report/mask.ts): the common words of HTML front ends and of the widget
 * libraries the guide reads (Bootstrap, Fomantic/Semantic UI, select2, Chosen, selectize,
 * Choices, AngularJS), and Django's. With them, the words of the flows' CSS hints and URL paths.
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
  'table thead tbody tfoot tr td th cell cells ui segment segments divider spacer loader loading spinner apploader ' +
  'file files upload download image img logo brand user users profile avatar name first last middle full ' +
  'login logout loginname username password email mail phone date birth document doc docs number series kind type issued ' +
  'by at org child children parent family student pupil school certificate certificates cert request requests status ' +
  'step steps section sections wizard progress chosen drop single selectize select2 bootstrap bs ng scope binding pristine ' +
  'untouched touched dirty valid empty not has with without is js no csrfmiddlewaretoken csrf token middleware next id ' +
  'angular services service dop confirm accounts esia callback authorize sso asp mysettings studentdiary diary settings ' +
  'my personal home index static assets media replica training gos gosbutton gosuslugi primary-button em ver vk'
)
  .split(/\s+/)
  .filter(Boolean);
