/** The workbench window: documents on the left, the text with the codebook in the middle, the coded segments on the right. */
import { useEffect, useState } from 'react';
import { focusText } from './commands/coding';
import { installEscapeKeepsText } from './commands/escape-keeps-text';
import { installPageKeys } from './commands/keymap';
import { listenToMenu } from './commands/menu';
import { CodebookEditor } from './components/codebook/CodebookEditor';
import { CoderDialog } from './components/coders/CoderDialog';
import { SegmentPanel } from './components/coding/SegmentPanel';
import { SegmentPopover } from './components/coding/SegmentPopover';
import { DocumentList } from './components/documents/DocumentList';
import { DropZone } from './components/documents/ImportFiles';
import { AppHeader, type SidePanel } from './components/header/AppHeader';
import { MainArea, type MainView } from './components/layout/MainArea';
import { MessageBar } from './components/messages/MessageBar';
import { Notices } from './components/messages/Notices';
import { SearchPanel } from './components/search/SearchPanel';
import { WorkspaceDialogs } from './components/workspace/WorkspaceDialogs';
import { syncRememberedFolder } from './services/coders';
import { loadProject } from './services/overview';
import { dismissMessage } from './services/page';
import { getState, useStore } from './store';
import { installCodeStyles } from './text-view/code-styles';

export function App() {
  const project = useStore((state) => state.project);
  const loadError = useStore((state) => state.loadError);
  const [mainView, setMainView] = useState<MainView>('text');
  const showView = (view: MainView) => setMainView((current) => (current === view ? 'text' : view));
  const [sidePanel, setSidePanel] = useState<SidePanel>('segments');
  const togglePanel = (panel: 'codebook' | 'search') => setSidePanel((current) => (current === panel ? 'segments' : panel));

  useEffect(() => {
    void loadProject().then(() => {
      // Once the coder is known (asked on first start), the shared folder, if any, is synced.
      if (getState().project?.coderConfirmed) void syncRememberedFolder();
    });
    const stopMenu = listenToMenu();
    const stopKeys = installPageKeys({ openSearch: () => setSidePanel('search') });
    const stopEscape = installEscapeKeepsText(focusText);
    return () => {
      stopMenu();
      stopEscape();
      stopKeys();
    };
  }, []);

  // A message is about what was just done; another view or panel is something else.
  useEffect(dismissMessage, [mainView, sidePanel]);

  useEffect(() => {
    if (project) installCodeStyles(project.codes);
  }, [project?.codes]);

  if (loadError) {
    return (
      <div className="fatal" role="alert">
        <h1>The project could not be opened</h1>
        <p>{loadError}</p>
        <button type="button" onClick={() => void loadProject()}>
          Try again
        </button>
      </div>
    );
  }
  if (!project) {
    return (
      <div className="fatal" role="progressbar" aria-label="Loading the project">
        <span className="spinner" aria-hidden="true" /> Loading the project…
      </div>
    );
  }
  return (
    <div className="app">
      <AppHeader project={project} mainView={mainView} sidePanel={sidePanel} showView={showView} togglePanel={togglePanel} />
      <Notices />
      <div className={`workspace${sidePanel === 'segments' ? '' : ' with-codebook'}`}>
        <aside className="sidebar">
          <DocumentList onOpen={() => setMainView('text')} />
        </aside>
        <MainArea view={mainView} onJump={() => setMainView('text')} />
        {sidePanel === 'codebook' ? (
          <CodebookEditor onClose={() => setSidePanel('segments')} />
        ) : sidePanel === 'search' ? (
          <SearchPanel onClose={() => setSidePanel('segments')} />
        ) : (
          <SegmentPanel />
        )}
      </div>
      <MessageBar />
      <SegmentPopover />
      <DropZone />
      <CoderDialog />
      <WorkspaceDialogs />
    </div>
  );
}
