/**
 * The controls the Analysis area's figures share: sub-codes summed or apart, the choices of a
 * document variable, and a code's name with its colour as a row heading.
 */
import type { VariableDefinition } from '../../../shared/model/variables';
import { useT } from '../../i18n/i18n';

/** The check box that sums each code's sub-codes into it. */
export function SubcodesToggle(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  const t = useT();
  return (
    <label>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {t('analysis.withSubcodes')}
    </label>
  );
}

/** One option per document variable, by name (inside a select). */
export function VariableOptions(props: { variables: readonly VariableDefinition[] }) {
  return props.variables.map((v) => (
    <option key={v.name} value={v.name}>
      {v.name}
    </option>
  ));
}

/** A code as a table's row heading: its colour (from the row's code class) and its path. */
export function CodeRowHeading(props: { path: string }) {
  return (
    <th scope="row">
      <span className="swatch" aria-hidden="true" />
      {props.path}
    </th>
  );
}
