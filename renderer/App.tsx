/**
 * The workbench window: the start screen while no project is open; else a slim top bar; the
 * activity bar, the side panel it chooses and the main area with its tabs; the message bar; the
 * status bar at the foot. The window's title names the open project.
 */
import { useEffect } from 'react';
import { focusText } from './commands/coding';
import { installEscapeKeepsText } from './commands/escape-keeps-text';
import { installPageKeys } from './commands/keymap';
import { listenToMenu } from './commands/menu';
import { CoderDialog } from './components/coders/CoderDialog';
import { SegmentPopover } from './components/coding/SegmentPopover';
import { DropZone } from './components/documents/ImportFiles';
import { MainArea } from './components/layout/MainArea';
import { MessageBar } from './components/messages/MessageBar';
import { ProjectDialogs } from './components/projects/ProjectDialogs';
import { StartScreen } from './components/projects/StartScreen';
import { Notices } from './components/messages/Notices';
import { ActivityBar } from './components/workspace/ActivityBar';
import { SidePanel } from './components/workspace/SidePanel';
import { StatusBar } from './components/workspace/StatusBar';
import { TopBar } from './components/workspace/TopBar';
import { WorkspaceDialogs } from './components/workspace/WorkspaceDialogs';
import { installWorkspaceKeys } from './components/workspace/workspace-keys';
import { useT } from './i18n/i18n';
import { syncRememberedFolder } from './services/coders';
import { loadProject } from './services/overview';
import { dismissMessage } from './services/page';
import { loadSession } from './services/projects';
import { followSuggestions, loadSuggestions } from './services/suggestions';
import { followOpenedDocuments, showPanel } from './services/workspace';
import { getState, useStore } from './store';
import { selectProjectOpen } from './store/session';
import { afterNextFrame } from './services/after-frame';
import { installCodeStyles } from './text-view/code-styles';
import { warmTextView } from './text-view/warm-up';

export function App() {
  const t = useT();
  const project = useStore((state) => state.project);
  const loadError = useStore((state) => state.loadError);
  const sidePanel = useStore((state) => state.sidePanel);
  const activeTab = useStore((state) => state.activeTab);
  const session = useStore((state) => state.session);
  const sessionError = useStore((state) => state.sessionError);
  const projectOpen = useStore(selectProjectOpen);
  const projectName = session?.project?.name ?? null;

  useEffect(() => {
    void startPage();
    const stopMenu = listenToMenu();
    const stopKeys = installPageKeys({ openSearch: () => showPanel('search') });
    const stopWorkspaceKeys = installWorkspaceKeys();
    const stopFollowing = followOpenedDocuments();
    const stopSuggestions = followSuggestions();
    if (getState().session?.project) void loadSuggestions();
    const stopEscape = installEscapeKeepsText(focusText);
    return () => {
      stopMenu();
      stopEscape();
      stopFollowing();
      stopSuggestions();
      stopWorkspaceKeys();
      stopKeys();
    };
  }, []);

  // A message is about what was just done; another tab or panel is something else.
  useEffect(dismissMessage, [activeTab, sidePanel]);

  useEffect(() => {
    if (project) installCodeStyles(project.codes);
  }, [project?.codes]);

  // The text view is readied once the first project is shown, before a document is opened.
  const projectShown = !!project;
  useEffect(() => {
    if (projectShown && !textViewWarm) {
      textViewWarm = true;
      afterNextFrame(() => warmTextView(getState().project?.codes[0]?.id ?? 'code'));
    }
  }, [projectShown]);

  useEffect(() => {
    document.title = projectName ? t('projects.title.window', { name: projectName }) : t('projects.title.app');
  }, [projectName, t]);

  if (sessionError) {
    return (
      <div className="fatal" role="alert">
        <h1>{t('projects.start.loadFailed')}</h1>
        <p>{sessionError}</p>
        <button type="button" onClick={() => void startPage()}>
          {t('workspace.app.tryAgain')}
        </button>
      </div>
    );
  }
  if (session && !projectOpen) {
    return (
      <>
        <StartScreen />
        <ProjectDialogs />
        <WorkspaceDialogs />
      </>
    );
  }
  if (loadError) {
    return (
      <div className="fatal" role="alert">
        <h1>{t('workspace.app.loadFailed')}</h1>
        <p>{loadError}</p>
        <button type="button" onClick={() => void loadProject()}>
          {t('workspace.app.tryAgain')}
        </button>
      </div>
    );
  }
  if (!project) {
    return (
      <div className="fatal" role="progressbar" aria-label={session ? t('workspace.app.loading') : t('projects.start.loading')}>
        <span className="spinner" aria-hidden="true" /> {session ? t('workspace.app.loading') : t('projects.start.loading')}
      </div>
    );
  }
  return (
    <div className="app">
      <TopBar />
      <Notices />
      <div className={`workspace ${sidePanel ? `with-${sidePanel}` : 'side-folded'}`}>
        <ActivityBar />
        <SidePanel />
        <MainArea />
      </div>
      <MessageBar />
      <StatusBar />
      <SegmentPopover />
      <DropZone />
      <CoderDialog />
      <WorkspaceDialogs />
      <ProjectDialogs />
    </div>
  );
}

/** True once the text view has been readied (warm-up.ts): once per page. */
let textViewWarm = false;

/** Asks which project is open; with one, loads it (the start screen shows otherwise). */
async function startPage(): Promise<void> {
  const session = await loadSession();
  if (!session?.project) return;
  await loadProject();
  // Once the coder is known (asked on first start), the shared folder, if any, is synced.
  if (getState().project?.coderConfirmed) void syncRememberedFolder();
}
