/** The window's header: the project, saving, Undo/Redo, the views and panels, the coder, exports. */
import type { ProjectOverview } from '../../../shared/views/project-overview';
import { showCoderDialog } from '../../services/page';
import type { MainView } from '../layout/MainArea';
import { BlindToggle } from './BlindToggle';
import { ExportButtons } from './ExportButtons';
import { HistoryButtons } from './HistoryButtons';
import { JobStatus } from './JobStatus';
import { SaveStatus } from './SaveStatus';

export type SidePanel = 'segments' | 'codebook' | 'search';

export function AppHeader(props: {
  project: ProjectOverview;
  mainView: MainView;
  sidePanel: SidePanel;
  showView: (view: MainView) => void;
  togglePanel: (panel: 'codebook' | 'search') => void;
}) {
  const { project, mainView, sidePanel, showView, togglePanel } = props;
  return (
    <header className="app-header">
      <span className="app-name">Annotation Workbench</span>
      <span className="project-name" title={project.file}>
        {project.name}
      </span>
      <SaveStatus />
      <HistoryButtons />
      <button type="button" aria-pressed={mainView === 'retrieval'} onClick={() => showView('retrieval')} data-action="retrieval">
        Coded segments
      </button>
      <button type="button" aria-pressed={mainView === 'variables'} onClick={() => showView('variables')} data-action="variables">
        Variables
      </button>
      <button type="button" aria-pressed={mainView === 'reliability'} onClick={() => showView('reliability')} data-action="reliability">
        Agreement
      </button>
      <button type="button" aria-pressed={sidePanel === 'search'} onClick={() => togglePanel('search')} data-action="search" title="Search (Ctrl/Cmd+F)">
        Search
      </button>
      <button type="button" aria-pressed={sidePanel === 'codebook'} onClick={() => togglePanel('codebook')} data-action="codebook">
        Codebook
      </button>
      <button type="button" className="coder" onClick={() => showCoderDialog(true)} data-action="coder" title="Change who is coding">
        Coder: {project.coder}
      </button>
      <BlindToggle />
      <ExportButtons />
      <JobStatus />
    </header>
  );
}
