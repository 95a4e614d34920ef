/** The workbench window: documents on the left, the text with the codebook in the middle, the coded segments on the right. */
import { useEffect, useState } from 'react';
import { codeForKey } from '../shared/model/codebook';
import {
  cancelJob,
  dismissMessage,
  dismissNotice,
  exportCodebook,
  exportCsv,
  exportDataset,
  loadProject,
  runExportOf,
  setBlind,
  stepHistory,
  type DatasetFormat,
} from './actions';
import { api, bridge, isPreview } from './api-client';
import { CodeBar } from './components/CodeBar';
import { CodebookEditor } from './components/CodebookEditor';
import { RetrievalView } from './components/RetrievalView';
import { ReliabilityView } from './components/ReliabilityView';
import { SearchPanel } from './components/SearchPanel';
import { VariablesTable } from './components/VariablesTable';
import { DocumentHeader } from './components/DocumentHeader';
import { DocumentList } from './components/DocumentList';
import { DropZone } from './components/ImportFiles';
import { SegmentPanel } from './components/SegmentPanel';
import { SegmentPopover } from './components/SegmentPopover';
import { getState, selectBlind, selectNotices, update, useStore } from './store';
import { CoderDialog } from './components/CoderDialog';
import { syncRememberedFolder } from './components/CoderExchange';
import { installCodeStyles } from './text-view/code-styles';
import { codeSelection, focusText, TextView } from './text-view/TextView';
import { installEscapeKeepsText } from './escape-keeps-text';

function isFormField(element: Element | null): boolean {
  return !!element?.closest('input, textarea, select');
}

/** Undo or redo; the focus, if the action left it nowhere (its control gone), goes back to the text. */
function undoOrRedo(direction: 'undo' | 'redo'): void {
  void stepHistory(direction).then(() => {
    if (document.activeElement === document.body || !document.activeElement) focusText();
  });
}

function HistoryButtons() {
  const history = useStore((state) => state.project?.history);
  return (
    <div className="history-buttons">
      <button
        type="button"
        onClick={() => undoOrRedo('undo')}
        disabled={!history?.undo}
        title={history?.undo ? `Undo: ${history.undo} (Ctrl/Cmd+Z)` : 'Nothing to undo'}
        data-action="undo"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => undoOrRedo('redo')}
        disabled={!history?.redo}
        title={history?.redo ? `Redo: ${history.redo} (Shift+Ctrl/Cmd+Z)` : 'Nothing to redo'}
        data-action="redo"
      >
        Redo
      </button>
    </div>
  );
}

function SaveStatus() {
  const pending = useStore((state) => state.pending.size);
  const saveError = useStore((state) => state.saveError);
  if (saveError) return <span className="save-status failed" role="alert">Not saved — {saveError}</span>;
  return (
    <span className="save-status" aria-live="polite" data-state={pending ? 'saving' : 'saved'}>
      {pending ? 'Saving…' : 'All changes saved'}
    </span>
  );
}

/** Blind coding: only the current coder's segments are shown while coding. */
function BlindToggle() {
  const blind = useStore(selectBlind);
  return (
    <button
      type="button"
      aria-pressed={blind}
      onClick={() => void setBlind(!blind)}
      data-action="blind"
      title="Blind coding: show only your own segments"
    >
      Blind
    </button>
  );
}

/** The progress of a long export or import, once it has run a second, with a way to stop it. */
function JobStatus() {
  const job = useStore((state) => state.job);
  if (!job?.progress) return null;
  const { phase, done, total } = job.progress;
  return (
    <div className="job-progress" role="status" aria-label={`${job.what} progress`}>
      <progress value={total ? done : undefined} max={total || undefined} aria-label={phase} />
      <span>
        {phase}
        {total ? `: ${done.toLocaleString()} of ${total.toLocaleString()}` : '…'}
      </span>
      <button type="button" onClick={cancelJob} data-action="cancel-job">
        Cancel
      </button>
    </div>
  );
}

function ExportButtons() {
  const exporting = useStore((state) => state.exporting);
  return (
    <div className="export-buttons">
      <button
        type="button"
        onClick={() => void exportCsv('standard')}
        disabled={exporting}
        aria-busy={exporting}
        title="CSV for R, Python, SPSS (Ctrl/Cmd+E)"
        data-action="export-csv"
      >
        {exporting ? <span className="spinner" aria-hidden="true" /> : null}
        {exporting ? 'Exporting…' : 'Export CSV'}
      </button>
      <button
        type="button"
        onClick={() => void exportCsv('excel')}
        disabled={exporting}
        title="CSV for opening in Excel: BOM, CRLF, formula-safe cells (Ctrl/Cmd+Shift+E)"
        data-action="export-csv-excel"
      >
        Export for Excel
      </button>
      <select
        value=""
        disabled={exporting}
        aria-label="More export formats"
        data-action="more-exports"
        onChange={(event) => void exportDataset(event.target.value as DatasetFormat)}
      >
        <option value="">More formats…</option>
        <option value="wide-csv">Wide table, a row per document (CSV)</option>
        <option value="xlsx">Excel workbook: segments, documents, codebook (XLSX)</option>
        <option value="jsonl">Spans for training a classifier (JSONL, doccano)</option>
        <option value="datapackage">Data package: CSVs and datapackage.json</option>
        <option value="qdpx">REFI-QDA project for MAXQDA, ATLAS.ti, NVivo, QualCoder (QDPX)</option>
      </select>
    </div>
  );
}

function Notices() {
  const notices = useStore(selectNotices);
  const dismissed = useStore((state) => state.dismissedNotices);
  const saveError = useStore((state) => state.saveError);
  const shown = notices.filter((notice) => !dismissed.has(notice) && notice !== saveError);
  if (!shown.length) return null;
  return (
    <div className="notices" role="alert">
      {shown.map((notice) => (
        <p key={notice}>
          {notice}{' '}
          <button type="button" onClick={() => dismissNotice(notice)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}

function MessageBar() {
  const message = useStore((state) => state.message);
  if (!message) return <div className="message-bar" aria-live="polite" />;
  return (
    <div className={`message-bar ${message.kind}`} aria-live="polite" role={message.kind === 'error' ? 'alert' : 'status'}>
      <span className="message-text">{message.text}</span>
      <button type="button" onClick={dismissMessage} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}

type MainView = 'text' | 'retrieval' | 'variables' | 'reliability';

function MainArea(props: { view: MainView; onJump: () => void }) {
  const open = useStore((state) => state.open);
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
      {open ? (
        <article className="document" aria-label={open.document.title}>
          <DocumentHeader />
          <TextView />
        </article>
      ) : (
        !opening && <p className="empty main-empty">Choose a document on the left to start coding.</p>
      )}
    </main>
  );
}

export function App() {
  const project = useStore((state) => state.project);
  const loadError = useStore((state) => state.loadError);
  const [mainView, setMainView] = useState<MainView>('text');
  const showView = (view: MainView) => setMainView((current) => (current === view ? 'text' : view));
  const [sidePanel, setSidePanel] = useState<'segments' | 'codebook' | 'search'>('segments');
  const toggle = (panel: 'codebook' | 'search') => setSidePanel((current) => (current === panel ? 'segments' : panel));

  useEffect(() => {
    void loadProject().then(() => {
      // Once the coder is known (asked on first start), the shared folder, if any, is synced.
      if (getState().project?.coderConfirmed) void syncRememberedFolder();
    });
    const stop = bridge.onCommand((command) => {
      if (command === 'undo' || command === 'redo') {
        // In a form field the menu's Undo is the field's own.
        if (isFormField(document.activeElement)) document.execCommand(command);
        else undoOrRedo(command);
      } else if (command === 'export-wide-csv') void exportDataset('wide-csv');
      else if (command === 'export-jsonl') void exportDataset('jsonl');
      else if (command === 'export-datapackage') void exportDataset('datapackage');
      else if (command === 'export-qdpx') void exportDataset('qdpx');
      else if (command === 'export-xlsx') void exportDataset('xlsx');
      else if (command === 'export-qdc') void exportCodebook('qdc');
      else if (command === 'export-coder-file') void runExportOf(() => api.exportCoderFile({}));
      else void exportCsv(command === 'export-csv-excel' ? 'excel' : 'standard');
    });
    const onHistoryKey = (event: KeyboardEvent) => {
      // The desktop app's Edit menu has these accelerators; the preview has no menu.
      if (!isPreview || !(event.ctrlKey || event.metaKey) || isFormField(event.target as Element)) return;
      const key = event.key.toLowerCase();
      const direction = key === 'z' ? (event.shiftKey ? 'redo' : 'undo') : key === 'y' ? 'redo' : null;
      if (!direction) return;
      event.preventDefault();
      event.stopPropagation();
      undoOrRedo(direction);
    };
    window.addEventListener('keydown', onHistoryKey, { capture: true });
    const onKey = (event: KeyboardEvent) => {
      // In the desktop app the menu's accelerator handles this; the preview has no menu.
      if (isPreview && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        void exportCsv(event.shiftKey ? 'excel' : 'standard');
        return;
      }
      // A code's key works wherever the focus is (a code button, the segment list), except in
      // form fields and in the text view (its shadow host), which handles its own keys.
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target?.closest('input, select, textarea, .text-host, .popover')) return;
      const codes = getState().project?.codes ?? [];
      const code = event.key.length === 1 ? codeForKey(codes, event.key) : undefined;
      if (code && getState().open) {
        event.preventDefault();
        codeSelection(code.id);
      }
    };
    window.addEventListener('keydown', onKey);
    const stopEscape = installEscapeKeepsText(focusText);
    return () => {
      stop();
      stopEscape();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onHistoryKey, { capture: true });
    };
  }, []);

  useEffect(() => {
    const onFind = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setSidePanel('search');
      }
    };
    window.addEventListener('keydown', onFind, { capture: true });
    return () => window.removeEventListener('keydown', onFind, { capture: true });
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
        <button type="button" aria-pressed={sidePanel === 'search'} onClick={() => toggle('search')} data-action="search" title="Search (Ctrl/Cmd+F)">
          Search
        </button>
        <button type="button" aria-pressed={sidePanel === 'codebook'} onClick={() => toggle('codebook')} data-action="codebook">
          Codebook
        </button>
        <button type="button" className="coder" onClick={() => update({ coderDialog: true })} data-action="coder" title="Change who is coding">
          Coder: {project.coder}
        </button>
        <BlindToggle />
        <ExportButtons />
        <JobStatus />
      </header>
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
    </div>
  );
}
