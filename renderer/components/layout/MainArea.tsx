/**
 * The main area: the tabs, and the front tab's content: a document's text with the code bar and
 * the document portrait beside it, or a view (Coded segments, Variables, Agreement, Analysis, the
 * corpus portrait). With no tab open, it says what to do.
 */
import { useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { showPanel } from '../../services/workspace';
import { TextView } from '../../text-view/TextView';
import { useStore } from '../../store';
import { selectActiveTab, tabKey, type MainView } from '../../store/workspace';
import { ReliabilityView } from '../agreement/ReliabilityView';
import { AnalysisView } from '../analysis/AnalysisView';
import { CodeBar } from '../coding/CodeBar';
import { DocumentHeader } from '../documents/DocumentHeader';
import { CorpusPortrait } from '../portrait/CorpusPortrait';
import { DocumentStrip } from '../portrait/DocumentStrip';
import { RetrievalView } from '../retrieval/RetrievalView';
import { VariablesTable } from '../variables/VariablesTable';
import { TAB_PANEL_ID, TabBar, tabElementId } from '../workspace/TabBar';
import { useScrollPlace } from './scroll-places';

// A jump from a view to a passage brings the document's tab forward by itself (services/workspace.ts).
const stayPut = () => {};

function View(props: { view: MainView }) {
  if (props.view === 'retrieval') return <RetrievalView onJump={stayPut} />;
  if (props.view === 'reliability') return <ReliabilityView onJump={stayPut} />;
  if (props.view === 'analysis') return <AnalysisView />;
  if (props.view === 'portrait') return <CorpusPortrait />;
  return <VariablesTable />;
}

function DocumentTab() {
  const t = useT();
  // The title alone: the open document's state changes with every segment, the title does not.
  const title = useStore((state) => state.open?.document.title);
  const opening = useStore((state) => state.opening);
  const documentId = useStore((state) => state.open?.document.id);
  const portrait = useStore((state) => state.settings.documentPortrait);
  const article = useRef<HTMLElement>(null);
  useScrollPlace(article, documentId);
  return (
    <>
      <CodeBar />
      {opening && (
        <div className="progress" role="progressbar" aria-label={t('workspace.tabs.openingDocument')}>
          <span className="spinner" aria-hidden="true" /> {t('workspace.tabs.opening')}
        </div>
      )}
      {title !== undefined && (
        // The portrait stands beside the scrolling text, not in it: it stays put as the text scrolls.
        <div className="document-frame">
          <article className="document" aria-label={title} ref={article}>
            <DocumentHeader />
            <TextView />
          </article>
          {portrait && <DocumentStrip scroller={article} />}
        </div>
      )}
    </>
  );
}

export function MainArea() {
  const t = useT();
  const tab = useStore((state) => selectActiveTab(state));
  return (
    <main className="main-area">
      <TabBar />
      {tab ? (
        <div className={`tab-panel tab-panel-${tab.kind}`} role="tabpanel" id={TAB_PANEL_ID} aria-labelledby={tabElementId(tabKey(tab))}>
          {tab.kind === 'document' ? <DocumentTab /> : <View view={tab.view} />}
        </div>
      ) : (
        <div className="main-empty">
          <p>{t('workspace.tabs.empty')}</p>
          <button type="button" onClick={() => showPanel('documents')}>
            {t('workspace.tabs.showDocuments')}
          </button>
        </div>
      )}
    </main>
  );
}
