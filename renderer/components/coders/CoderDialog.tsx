/**
 * Who is coding: asked on first start (the login name is offered), and changed from the header.
 * Every segment carries its coder's name, which is what agreement between coders is computed on.
 */
import { useEffect, useRef, useState } from 'react';
import { setCoder } from '../../services/coders';
import { showCoderDialog } from '../../services/page';
import { useStore } from '../../store';

export function CoderDialog() {
  const project = useStore((state) => state.project);
  const open = useStore((state) => state.coderDialog);
  const asking = !!project && (!project.coderConfirmed || open);
  const [name, setName] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!asking || !project) return;
    setName(project.coder);
    input.current?.focus();
    input.current?.select();
  }, [asking]);
  if (!asking || !project) return null;
  const firstTime = !project.coderConfirmed;
  const close = () => {
    if (!firstTime) showCoderDialog(false);
  };
  return (
    <div className="dialog-backdrop">
      <form
        className="dialog coder-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="coder-dialog-title"
        onKeyDown={(event) => event.key === 'Escape' && close()}
        onSubmit={(event) => {
          event.preventDefault();
          void setCoder(name);
        }}
      >
        <h2 id="coder-dialog-title">{firstTime ? 'Who is coding?' : 'Change the coder'}</h2>
        <p>
          Your name goes on every passage you code from now on, so that the work of several coders can be brought together
          and their agreement computed. Passages already coded keep their coder.
        </p>
        <label>
          Coder
          <input ref={input} value={name} onChange={(event) => setName(event.target.value)} list="known-coders" maxLength={200} required data-action="coder-name" />
        </label>
        <datalist id="known-coders">
          {project.coders.map((coder) => (
            <option key={coder} value={coder} />
          ))}
        </datalist>
        <div className="dialog-buttons">
          {!firstTime && (
            <button type="button" onClick={close}>
              Cancel
            </button>
          )}
          <button type="submit" disabled={!name.trim()} data-action="save-coder">
            {firstTime ? 'Start coding' : 'Change'}
          </button>
        </div>
      </form>
    </div>
  );
}
