/** The middle of the window: the open document's text with the code bar, or another view in its place. */
import { TextView } from '../../text-view/TextView';
import { useStore } from '../../store';
import { ReliabilityView } from '../agreement/ReliabilityView';
import { CodeBar } from '../coding/CodeBar';
import { DocumentHeader } from '../documents/DocumentHeader';
import { RetrievalView } from '../retrieval/RetrievalView';
import { VariablesTable } from '../variables/VariablesTable';

export type MainView = 'text' | 'retrieval' | 'variables' | 'reliability';

export function MainArea(props: { view: MainView; onJump: () => void }) {
  // The title alone: the open document's state changes with every segment, the title does not.
  const title = useStore((state) => state.open?.document.title);
  const opening = useStore((state) => state.opening);
  if (props.view !== 'text') {
    return (
      <main className="main-area">
        {props.view === 'retrieval' ? (
          <RetrievalView onJump={props.onJump} />
        ) : props.view === 'reliability' ? (
          <ReliabilityView onJump={props.onJump} />
        ) : (
          <VariablesTable />
        )}
      </main>
    );
  }
  return (
    <main className="main-area">
      <CodeBar />
      {opening && (
        <div className="progress" role="progressbar" aria-label="Opening document">
          <span className="spinner" aria-hidden="true" /> Opening…
        </div>
      )}
      {title !== undefined ? (
        <article className="document" aria-label={title}>
          <DocumentHeader />
          <TextView />
        </article>
      ) : (
        !opening && <p className="empty main-empty">Choose a document on the left to start coding.</p>
      )}
    </main>
  );
}
