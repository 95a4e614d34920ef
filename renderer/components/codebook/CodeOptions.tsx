/** The codes as `<option>`s, in tree order, each by its full path (for every code chooser). */
import { codePath, codeTree, type Code } from '../../../shared/model/codebook';

export function CodeOptions(props: { codes: readonly Code[]; except?: string }) {
  return (
    <>
      {codeTree(props.codes)
        .filter(({ code }) => code.id !== props.except)
        .map(({ code }) => (
          <option key={code.id} value={code.id}>
            {codePath(props.codes, code.id)}
          </option>
        ))}
    </>
  );
}
